import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { allowedFilingActions } from '../../../../domain/institutions/filingWorkflow.ts';
import { type InstitutionRecord, postInstitutionTransition } from '../api';
import { refusedItemTexts } from '../filingItems';
import { CompliancePanel } from '../registry/CompliancePanel';
import { useSaved } from './useDirectorSave';

/** Every compliance problem in words, the filing's reason when filed despite some, and the submit button. */
export function FilingCard({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const saved = useSaved(record.id);
  const submit = useMutation({ mutationFn: () => postInstitutionTransition(record.id, { action: 'submit' }), onSuccess: saved });
  // The workflow table decides which buttons exist; the server's allowedActions confirms them for this user.
  const canSubmit =
    allowedFilingActions(record.status, ['institution_admin'], record.hasFiledVersion).includes('submit') &&
    record.allowedActions.includes('submit');
  const missing = submit.error ? refusedItemTexts(t, submit.error) : [];
  const despite = record.filings.find((f) => f.outcome === 'filed')?.filedDespiteReason;
  return (
    <Card title={t('institutions.filing')}>
      <div style={{ marginBottom: 12 }}>
        <CompliancePanel problems={record.compliance.problems} checkedOn={record.compliance.checkedOn} named={record} />
      </div>
      {despite && <Alert type="info" showIcon style={{ marginBottom: 12 }} title={t('institutions.filedDespite')} description={despite} />}
      {submit.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="filing-error"
          title={submit.error.message}
          description={
            missing.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {missing.map((text) => (
                  <li key={text} data-testid="filing-refused-item">
                    {text}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Button type="primary" disabled={!canSubmit} loading={submit.isPending} onClick={() => submit.mutate()}>
        {t('institutions.action.submit')}
      </Button>
    </Card>
  );
}
