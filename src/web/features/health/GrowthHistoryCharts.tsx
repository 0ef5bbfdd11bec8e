import { Alert, Empty, Skeleton, Tabs, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { GrowthIndicator, GrowthRecord } from './api';
import { INDICATORS } from './growth';
import { useGrowthCurves } from './queries';
import { indicatorSeries } from './records';

// ECharts is the largest thing on the page; the table and form show while it loads.
const GrowthChart = lazy(() => import('./GrowthChart'));

const CHART_HEIGHT = 320;

function IndicatorHistory({ record, indicator }: { record: GrowthRecord; indicator: GrowthIndicator }) {
  const { t } = useTranslation();
  const series = indicatorSeries(record, indicator);
  const curves = useGrowthCurves(series.curves, record.child.sex);
  const placeholder = <Skeleton.Node active style={{ width: '100%', height: CHART_HEIGHT }} />;
  if (series.points.length === 0) return <Empty description={t('growthRecords.charts.noPoints')} />;
  if (curves.isPending) return placeholder;
  if (curves.isError) return <Alert type="warning" showIcon title={t('growth.chartUnavailable')} description={curves.error.message} />;
  const name = t(`growth.indicator.${series.curves}`);
  return (
    <Suspense fallback={placeholder}>
      <GrowthChart
        curves={curves.data}
        points={series.points}
        childLabel={t('growthRecords.charts.child', { name: record.child.name })}
        description={t('growthRecords.charts.description', {
          indicator: name,
          sex: t(`growth.${record.child.sex}`),
          count: series.points.length,
        })}
        height={CHART_HEIGHT}
      />
    </Suspense>
  );
}

/** One WHO chart per indicator, the child's measurements joined over time. */
export function GrowthHistoryCharts({ record }: { record: GrowthRecord }) {
  const { t } = useTranslation();
  return (
    <>
      <Tabs
        data-testid="growth-charts"
        destroyOnHidden
        items={INDICATORS.map((indicator) => ({
          key: indicator,
          label: t(`growthRecords.short.${indicator}`),
          children: <IndicatorHistory record={record} indicator={indicator} />,
        }))}
      />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
        {t('growthRecords.charts.note')}
      </Typography.Paragraph>
    </>
  );
}
