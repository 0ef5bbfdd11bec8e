import { useMutation } from '@tanstack/react-query';
import { Alert, Card, List, message, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { DocumentType } from '../../../domain/institutions/vocabulary.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { uploadInstitutionFile } from './api';
import { ClassForm } from './director/ClassForm';
import { FactsForm } from './director/FactsForm';
import { FilingCard } from './director/FilingCard';
import { StaffForm } from './director/StaffForm';
import { useSaved } from './director/useDirectorSave';
import { StaffInvitationsCard } from './invitations/StaffInvitationsCard';
import { useInstitutionRecord } from './queries';

/** The director's own institution: its record, key facts, staff and their accounts, classes, documents, compliance and the filing. */
export default function DirectorArea({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const record = useInstitutionRecord(institutionId);
  const upload = useMutation({
    mutationFn: (v: { documentType: DocumentType; file: File }) => uploadInstitutionFile(institutionId, 'document', v.documentType, v.file),
    onSuccess: useSaved(institutionId),
    onError: (e: Error) => void message.error(e.message),
  });

  if (record.isPending) return <PageLoading />;
  if (record.isError) return <LoadError error={record.error} onRetry={() => void record.refetch()} />;
  const r = record.data;
  // A reason for filing despite problems is shown with the filing, not twice.
  const filedDespite = r.filings.find((f) => f.outcome === 'filed')?.filedDespiteReason;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2}>{r.facts.name}</Typography.Title>
      <Space wrap>
        <Tag data-testid="institution-status">{t(`institutions.status.${r.status}`)}</Tag>
        {r.filingNumber && <Typography.Text>{t('institutions.filingNumberIs', { number: r.filingNumber })}</Typography.Text>}
      </Space>
      {r.statusReason && r.statusReason !== filedDespite && (
        <Alert type="warning" showIcon message={t('institutions.reason')} description={r.statusReason} />
      )}

      <FactsForm record={r} />
      <StaffForm record={r} />
      <StaffInvitationsCard record={r} />
      <ClassForm record={r} />
      <Card title={t('institutions.documents')}>
        <List
          size="small"
          dataSource={r.documents}
          renderItem={(d) => <List.Item key={d.id}>{`${t(`institutions.doc.${d.documentType ?? 'other'}`)} · ${d.filename}`}</List.Item>}
        />
        <Space direction="vertical">
          {DocumentType.map((type) => (
            <label key={type}>
              {t(`institutions.doc.${type}`)}{' '}
              <input
                type="file"
                accept="application/pdf,image/jpeg,image/png"
                aria-label={t(`institutions.doc.${type}`)}
                onChange={(e) => {
                  const file = e.target.files?.[0];
                  if (file) upload.mutate({ documentType: type, file });
                  e.target.value = '';
                }}
              />
            </label>
          ))}
        </Space>
      </Card>

      <FilingCard record={r} />
    </Space>
  );
}
