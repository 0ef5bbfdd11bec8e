import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { PlaceCard } from '../enrollment/PlaceCard';
import { AccessLogCard } from './AccessLogCard';
import { ChildDaysCard } from './ChildDaysCard';
import { ChildIncidentsCard } from './ChildIncidentsCard';
import { PickupPersonsCard } from './PickupPersonsCard';
import { useMyChildren } from './queries';

/** 孩子档案: one of the guardian's children — where they are placed, who may collect them, their days, incidents, and who read the record. Phone first. */
export function ChildRecordPage({ base, me }: RolePageProps) {
  const { t } = useTranslation();
  const { childId } = useParams();
  const children = useMyChildren();
  const back = (
    <Link to={`${base}/children`}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('growthRecords.back')}
      </Button>
    </Link>
  );

  if (children.isPending) return <PageLoading />;
  if (children.isError) return <LoadError error={children.error} onRetry={() => void children.refetch()} />;
  const child = children.data.items.find((c) => c.id === childId);
  if (!child) return <Result status="404" title={t('enrollment.childPage.notFound')} extra={back} />;

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      <div>
        {back}
        <Typography.Title level={2} style={{ margin: 0 }} data-testid="child-record-title">
          {child.name}
        </Typography.Title>
      </div>
      <Card size="small">
        <Typography.Paragraph style={{ marginBottom: 4 }}>
          {t('enrollment.children.line', { sex: t(`enrollment.child.${child.sex}`), birthDate: child.birthDate, months: child.ageMonths })}
        </Typography.Paragraph>
        {child.residentIdMasked && (
          <Typography.Paragraph style={{ marginBottom: 4 }}>
            {t('enrollment.children.residentId')} {child.residentIdMasked}
          </Typography.Paragraph>
        )}
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('enrollment.childPage.guardians', {
            names: child.guardians.map((g) => `${g.name}（${t(`enrollment.relation.${g.relation}`)}）`).join('、'),
          })}
        </Typography.Paragraph>
        <Link to={`${base}/children/${child.id}/growth`}>
          <Button>{t('growthRecords.children.open')}</Button>
        </Link>
      </Card>
      <PlaceCard childId={child.id} statementsHref={`${base}/children/${child.id}/statements`} />
      <PickupPersonsCard childId={child.id} />
      <ChildDaysCard childId={child.id} />
      <ChildIncidentsCard childId={child.id} />
      <AccessLogCard childId={child.id} myName={me.name} />
    </Flex>
  );
}
