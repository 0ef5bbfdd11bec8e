import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type LineChartOption, LineEChart } from '../../components/LineEChart';
import type { Series } from './api';

/** Places per 1,000 (left axis, with the target as a line) and township coverage (right axis, %) by month. */
export default function TrendChart({ series }: { series: Series }) {
  const { t } = useTranslation();
  const option = useMemo<LineChartOption>(() => {
    const months = series.points.map((p) => p.month);
    const per1000 = series.points.map((p) => p.values?.placesPer1000 ?? null);
    const coverage = series.points.map((p) =>
      p.values?.townshipCoverage == null ? null : Math.round(p.values.townshipCoverage * 1000) / 10,
    );
    return {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      tooltip: { trigger: 'axis', confine: true },
      // Below the plot: above it, on a phone, the legend runs into the axis names.
      legend: { bottom: 0 },
      grid: { left: 40, right: 44, top: 32, bottom: 56 },
      xAxis: { type: 'category', data: months, axisLabel: { hideOverlap: true } },
      yAxis: [
        { type: 'value', name: t('oversight.per1000Axis'), min: 0 },
        { type: 'value', name: '%', min: 0, max: 100, splitLine: { show: false } },
      ],
      series: [
        {
          type: 'line',
          name: t('oversight.placesPer1000'),
          data: per1000,
          connectNulls: false,
          markLine: {
            symbol: 'none',
            lineStyle: { type: 'dashed', color: '#fa8c16' },
            label: { formatter: t('oversight.targetLine', { target: series.targets.placesPer1000 }) },
            data: [{ yAxis: series.targets.placesPer1000 ?? 4.5 }],
          },
        },
        { type: 'line', name: t('oversight.townshipCoverage'), yAxisIndex: 1, data: coverage },
      ],
    };
  }, [series, t]);
  return (
    <div role="img" aria-label={t('oversight.trendLabel')} data-testid="trend-chart">
      <LineEChart option={option} height={260} />
    </div>
  );
}
