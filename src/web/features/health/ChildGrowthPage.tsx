import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ageInMonths } from '../../../domain/dates/childAge.ts';
import { compareIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { GrowthHistoryCharts } from './GrowthHistoryCharts';
import { MeasurementForm } from './MeasurementForm';
import { MeasurementList } from './MeasurementList';
import { useGrowthRecord } from './queries';

/**
 * 生长记录: a child's measurements with WHO z-scores and findings, the charts, and a form to add
 * one. The same page serves the guardian (family) and the institution's staff; the server
 * decides who may see the child and audits every read.
 */
export default function ChildGrowthPage({ base, grant }: RolePageProps) {
  const { t } = useTranslation();
  const { childId } = useParams();
  const record = useGrowthRecord(childId);
  const back = (
    <Link to={`${base}/children`}>
      <Button type="link" icon={<ArrowLeftOutlined />} style={{ paddingInline: 0 }}>
        {t('growthRecords.back')}
      </Button>
    </Link>
  );

  if (record.isPending) return <PageLoading />;
  if (record.isError) {
    return (
      <>
        {back}
        <LoadError error={record.error} onRetry={() => void record.refetch()} />
      </>
    );
  }
  const { child } = record.data;
  const today = todayInShanghai(new Date());
  const months = compareIso(child.birthDate, today) <= 0 ? ageInMonths(child.birthDate, today) : 0;
  const flagged = record.data.items.at(-1)?.flags;

  return (
    <>
      {back}
      <Typography.Title level={2} style={{ marginTop: 4 }} data-testid="growth-record-title">
        {t('growthRecords.title', { name: child.name })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('growthRecords.childLine', { sex: t(`growth.${child.sex}`), birthDate: child.birthDate, months })}
      </Typography.Paragraph>
      {flagged && (flagged.underweight || flagged.stunting || flagged.wasting || flagged.overweight) && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('growthRecords.latestFinding')} />
      )}

      <Card title={t('growthRecords.form.title')} size="small" style={{ marginBottom: 16 }}>
        <MeasurementForm childId={child.id} birthDate={child.birthDate} />
      </Card>

      <Card title={t('growthRecords.charts.title')} size="small" style={{ marginBottom: 16 }}>
        <GrowthHistoryCharts record={record.data} />
      </Card>

      <Card title={t('growthRecords.list.title', { count: record.data.items.length })} size="small">
        <MeasurementList record={record.data} mine={grant.role === 'parent' ? 'parent' : 'institution'} />
      </Card>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('growthRecords.privacy')}
      </Typography.Paragraph>
    </>
  );
}
