import { Alert, Button, Card, Collapse, Empty, Flex, message, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { StatusTag } from './ApplicationParts';
import { ApplyForm } from './ApplyForm';
import type { SubsidyApplication } from './api';
import { CertificatesCard } from './CertificatesCard';
import { DirectorApplication } from './DirectorApplication';
import { formatYuan } from './format';
import { useInstitutionApplications } from './queries';

/**
 * 机构补贴: the director's subsidy applications (社保补贴, 新增普惠托位补贴, 运营补贴) with their review,
 * and the institution's utility-price certificates.
 */
export default function DirectorSubsidiesPage({ grant }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const applications = useInstitutionApplications(institutionId);
  const [applying, setApplying] = useState(false);
  const [uploadErrors, setUploadErrors] = useState<string[]>([]);
  // Returned applications wait for the director, so they start open; so does one just made.
  const [opened, setOpened] = useState<string[] | null>(null);

  if (applications.isPending) return <PageLoading />;
  if (applications.isError) return <LoadError error={applications.error} onRetry={() => void applications.refetch()} />;
  const items = applications.data.items;
  const activeKey = opened ?? items.filter((a) => a.allowedActions.includes('resubmit')).map((a) => a.id);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 960 }}>
      <div>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('subsidyApplications.directorTitle')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
          {t('subsidyApplications.directorLead')}
        </Typography.Paragraph>
      </div>

      <Card
        size="small"
        title={t('subsidyApplications.newTitle')}
        extra={
          <Button size="small" type={applying ? 'default' : 'primary'} onClick={() => setApplying((v) => !v)} data-testid="start-apply">
            {applying ? t('subsidyApplications.cancel') : t('subsidyApplications.newStart')}
          </Button>
        }
      >
        {applying ? (
          <ApplyForm
            institutionId={institutionId}
            onDone={({ application, uploadErrors: refused }) => {
              void message.success(t('subsidyApplications.applied'));
              setApplying(false);
              setUploadErrors(refused);
              setOpened([...activeKey, application.id]);
            }}
          />
        ) : (
          <Typography.Text type="secondary">{t('subsidyApplications.newLead')}</Typography.Text>
        )}
      </Card>

      {uploadErrors.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: () => setUploadErrors([]) }}
          title={t('subsidyApplications.uploadRefused')}
          description={uploadErrors.join('；')}
        />
      )}

      <Card size="small" title={t('subsidyApplications.listTitle')} data-testid="applications">
        {items.length === 0 ? (
          <Empty description={t('subsidyApplications.none')} />
        ) : (
          <Collapse
            activeKey={activeKey}
            onChange={(keys) => setOpened(Array.isArray(keys) ? keys : [keys])}
            items={items.map((a) => ({
              key: a.id,
              label: <Headline application={a} />,
              children: <DirectorApplication application={a} />,
            }))}
          />
        )}
      </Card>

      <CertificatesCard institutionId={institutionId} />
    </Flex>
  );
}

/** One line that says what was asked, for when, where it stands and for how much. */
function Headline({ application: a }: { application: SubsidyApplication }) {
  const { t, i18n } = useTranslation();
  const amount =
    a.approvedFen === null
      ? t('subsidyApplications.requestedAmount', { amount: formatYuan(a.requestedFen, i18n.language) })
      : t('subsidyApplications.approvedAmount', { amount: formatYuan(a.approvedFen, i18n.language) });
  return (
    <Flex gap={8} wrap align="center" data-testid="application" data-id={a.id}>
      <StatusTag status={a.status} />
      <Typography.Text strong>{t(`subsidyApplications.kind.${a.kind}`)}</Typography.Text>
      <Typography.Text type="secondary">{`${a.periodFrom} – ${a.periodTo}`}</Typography.Text>
      <Typography.Text data-testid="headline-amount">{amount}</Typography.Text>
    </Flex>
  );
}
