import { Alert, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { ClassForm } from './director/ClassForm';
import { DocumentsCard } from './director/DocumentsCard';
import { FactsForm } from './director/FactsForm';
import { FilingCard } from './director/FilingCard';
import { FilingNeeds } from './director/FilingNeeds';
import { PhotosCard } from './director/PhotosCard';
import { ServiceDetailsForm } from './director/ServiceDetailsForm';
import { StaffForm } from './director/StaffForm';
import { StaffInvitationsCard } from './invitations/StaffInvitationsCard';
import { useInstitutionRecord } from './queries';

/**
 * The director's own institution: what its filing still needs, its record, key facts, service
 * details, staff and their accounts, classes, photos, documents, compliance and the filing.
 */
export default function DirectorArea({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const record = useInstitutionRecord(institutionId);

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

      <FilingNeeds record={r} />
      <FactsForm record={r} />
      <ServiceDetailsForm record={r} />
      <StaffForm record={r} />
      <StaffInvitationsCard record={r} />
      <ClassForm record={r} />
      <PhotosCard record={r} />
      <DocumentsCard record={r} />
      <FilingCard record={r} />
    </Space>
  );
}
