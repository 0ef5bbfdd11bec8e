import { PieChart, type PieSeriesOption } from 'echarts/charts';
import { TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../../components/EChart';
import type { ProgramSummary } from './api';
import { yuan } from './format';

// Only the pie and its tooltip, as the growth charts do: the full echarts build is several times
// larger. No legend: the summary cards beside the chart carry the same colours as its key.
echarts.use([PieChart, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<PieSeriesOption | TooltipComponentOption>;

/** The four parts the budget is always split into (budget = unissued + outstanding + redeemed + expired). */
export const BUDGET_PARTS = ['unissuedFen', 'outstandingFen', 'redeemedFen', 'expiredFen'] as const;
export const PART_COLOR: Record<(typeof BUDGET_PARTS)[number], string> = {
  unissuedFen: '#d9d9d9',
  outstandingFen: '#1677ff',
  redeemedFen: '#52c41a',
  expiredFen: '#fa8c16',
};

/** Where the program's budget is now, as a pie; the exact figures are in the cards beside it. */
export function SummaryChart({ summary }: { summary: ProgramSummary }) {
  const { t } = useTranslation();
  const option = useMemo<Option>(
    () => ({
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      tooltip: {
        trigger: 'item',
        confine: true,
        // Amounts from the fen values, never from the float ECharts sums for the angles.
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const fen = (item?.data as { fen?: number } | undefined)?.fen ?? 0;
          return `${item?.name ?? ''}<br/>${yuan(fen)}（${item?.percent ?? 0}%）`;
        },
      },
      series: [
        {
          type: 'pie',
          radius: ['45%', '75%'],
          label: { show: false },
          data: BUDGET_PARTS.map((part) => ({
            name: t(`voucherPrograms.summary.${part}`),
            value: summary[part],
            fen: summary[part],
            itemStyle: { color: PART_COLOR[part] },
          })),
        },
      ],
    }),
    [summary, t],
  );

  return (
    <div role="img" aria-label={t('voucherPrograms.chartLabel')} data-testid="summary-chart">
      <EChart option={option} height={220} />
    </div>
  );
}
