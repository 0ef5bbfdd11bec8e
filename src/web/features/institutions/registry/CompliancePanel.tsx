import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InstitutionRecord } from '../api';
import { problemText } from './format';

/** The computed compliance problems, first thing on the page: they are what an official acts on. */
export function CompliancePanel({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const { problems, checkedOn } = record.compliance;
  if (problems.length === 0) {
    return <Alert type="success" showIcon title={t('registry.noProblems', { date: checkedOn })} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="compliance-problems"
      title={t('registry.problemsFound', { count: problems.length, date: checkedOn })}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {problems.map((p) => (
            // A problem is one code about one class, staff member or class type at most.
            <li key={[p.code, p.classId, p.staffId, p.classType].join('/')}>{problemText(t, p, record)}</li>
          ))}
        </ul>
      }
    />
  );
}
