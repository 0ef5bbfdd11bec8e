import { Grid, Typography } from 'antd';
import type { LineSeriesOption } from 'echarts/charts';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DAYS_PER_MONTH, HEIGHT_FROM_DAYS } from '../../../domain/growth/age.ts';
import { type LineChartOption, LineEChart } from '../../components/LineEChart';
import type { GrowthCurves } from './api';

/** One measurement of the child, x in the curves' own unit (age in days, or length/height in cm). */
type GrowthChartPoint = { x: number; y: number; label?: string };

type Props = {
  curves: GrowthCurves;
  /** Several measurements are joined by a line in x order. */
  points: readonly GrowthChartPoint[];
  /** What a screen reader hears instead of the drawing. */
  description: string;
  height?: number;
  /** The legend of the child's line; "this measurement" by default, for a single point. */
  childLabel?: string;
};

// WHO chart colours: median green, ±2 SD red, ±3 SD black; ±1 SD lighter so the eye finds the cut-offs.
const SD_STYLE: Record<number, { color: string; width: number; type: 'solid' | 'dashed' }> = {
  0: { color: '#389e0d', width: 2, type: 'solid' },
  1: { color: '#d4b106', width: 1, type: 'dashed' },
  2: { color: '#cf1322', width: 1.5, type: 'solid' },
  3: { color: '#262626', width: 1.5, type: 'solid' },
};
const CHILD_COLOR = '#1677ff';

/**
 * Age window in months: WHO prints 0–6 months, 0–2 and 0–5 years charts. The smallest that holds
 * every point with some room after the last one, so a point is never pressed against the edge.
 */
function ageWindow(maxMonths: number): { max: number; interval: number; narrowInterval: number } {
  if (maxMonths <= 5.5) return { max: 6, interval: 1, narrowInterval: 1 };
  if (maxMonths <= 22) return { max: 24, interval: 3, narrowInterval: 3 };
  return { max: 60, interval: 6, narrowInterval: 12 };
}

const sdName = (sd: number) => (sd === 0 ? '0' : `${sd > 0 ? '+' : '−'}${Math.abs(sd)}`);
const round = (n: number, digits: number) => Number(n.toFixed(digits));

/**
 * A WHO growth chart: the −3 … +3 SD lines of one indicator for one sex, and the child's
 * measurements on top. Ages are drawn in months (WHO charts read that way); the API's days are
 * converted here so callers pass exactly what the API and the z-scores use.
 */
export function GrowthChart({ curves, points, description, height, childLabel }: Props) {
  const { t } = useTranslation();
  const narrow = Grid.useBreakpoint().sm !== true;
  const byAge = curves.xUnit === 'day';

  const { option, marksSwitch } = useMemo(() => {
    const toX = (x: number) => (byAge ? x / DAYS_PER_MONTH : x);
    const childPoints = [...points].sort((a, b) => a.x - b.x).map((p) => ({ ...p, x: toX(p.x) }));
    const lineXs = curves.lines[0]?.points.map(([x]) => toX(x)) ?? [];
    const xRange = byAge
      ? ageWindow(Math.max(0, ...childPoints.map((p) => p.x)))
      : { max: Math.max(...lineXs), interval: 5, narrowInterval: 10 };
    const xMin = byAge ? 0 : Math.min(...lineXs);
    const xInterval = narrow ? xRange.narrowInterval : xRange.interval;
    const inWindow = ([x]: [number, number]) => x >= xMin && x <= xRange.max + 1e-9;

    const unit = curves.yUnit === 'kg/m2' ? 'kg/m²' : curves.yUnit;
    const legend = {
      median: t('growthChart.median'),
      sd1: t('growthChart.sd', { n: 1 }),
      sd2: t('growthChart.sd', { n: 2 }),
      sd3: t('growthChart.sd', { n: 3 }),
      child: childLabel ?? t('growthChart.child'),
    };
    const legendOf = (sd: number) => [legend.median, legend.sd1, legend.sd2, legend.sd3][Math.abs(sd)] as string;

    const sdSeries: LineSeriesOption[] = curves.lines.map((line) => {
      const style = SD_STYLE[Math.abs(line.sd)] ?? SD_STYLE[3];
      return {
        type: 'line',
        // Lines of the same name share one legend entry: "±2 SD" switches both.
        name: legendOf(line.sd),
        data: line.points.map(([x, y]): [number, number] => [toX(x), y]).filter(inWindow),
        showSymbol: false,
        silent: true,
        color: style?.color,
        lineStyle: { color: style?.color, width: style?.width, type: style?.type },
        emphasis: { disabled: true },
        endLabel: { show: true, formatter: sdName(line.sd), color: style?.color, fontSize: 11, distance: 3 },
        z: 1,
      };
    });

    // The length-for-age and BMI tables switch from lying length to standing height at 24 months;
    // the step in their lines is the WHO standard, not a drawing error, so the chart says so.
    const switchMonths = HEIGHT_FROM_DAYS / DAYS_PER_MONTH;
    const switches = curves.indicator === 'lengthForAge' || curves.indicator === 'bmiForAge';
    const marksSwitch = switches && xRange.max > switchMonths;
    if (marksSwitch && sdSeries[0]) {
      sdSeries[0].markLine = {
        silent: true,
        symbol: 'none',
        lineStyle: { color: '#8c8c8c', type: 'dotted', width: 1 },
        // Explained under the chart: a label here collides with the axis name on a phone.
        label: { show: false },
        data: [{ xAxis: 24 }],
      };
    }

    const child: LineSeriesOption = {
      type: 'line',
      name: legend.child,
      data: childPoints.map((p) => ({ value: [round(p.x, 2), round(p.y, 2)], name: p.label })),
      color: CHILD_COLOR,
      lineStyle: { color: CHILD_COLOR, width: 2 },
      symbol: 'circle',
      symbolSize: 10,
      itemStyle: { color: CHILD_COLOR, borderColor: '#fff', borderWidth: 2 },
      z: 10,
    };

    const xName = byAge
      ? t('growthChart.ageMonths')
      : t(curves.indicator === 'weightForHeight' ? 'growthChart.heightCm' : 'growthChart.lengthCm');
    const yName = t(`growthChart.y.${curves.indicator}`, { unit });

    const option: LineChartOption = {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      legend: {
        top: 0,
        left: 'center',
        itemWidth: 16,
        itemHeight: 8,
        itemGap: narrow ? 10 : 14,
        textStyle: { fontSize: narrow ? 11 : 12 },
        data: [legend.child, legend.median, legend.sd1, legend.sd2, legend.sd3],
      },
      grid: { left: narrow ? 36 : 48, right: narrow ? 26 : 32, top: narrow ? 64 : 56, bottom: 44 },
      tooltip: {
        trigger: 'item',
        confine: true,
        formatter: (params) => {
          const p = Array.isArray(params) ? params[0] : params;
          const [x, y] = ((p?.value as number[] | undefined) ?? []) as [number, number];
          const xText = byAge ? t('growthChart.tipAge', { months: x.toFixed(1) }) : `${x.toFixed(1)} cm`;
          const label = p?.name ? `${p.name}<br/>` : '';
          return `${label}${xText}<br/>${y.toFixed(curves.yUnit === 'kg/m2' ? 1 : 2)} ${unit}`;
        },
      },
      xAxis: {
        type: 'value',
        min: xMin,
        max: xRange.max,
        interval: xInterval,
        name: xName,
        nameLocation: 'middle',
        nameGap: 26,
        nameTextStyle: { fontSize: 12, color: '#595959' },
        // A table ending between two ticks (65 … 120 cm by 10) would print "115 120" on top of each other.
        axisLabel: { fontSize: 11, hideOverlap: true, showMaxLabel: (xRange.max - xMin) % xInterval === 0 },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: yName,
        nameLocation: 'end',
        nameGap: 10,
        nameTextStyle: { fontSize: 12, color: '#595959', align: 'left' },
        axisLabel: { fontSize: 11 },
        splitLine: { lineStyle: { color: '#f0f0f0' } },
      },
      series: [...sdSeries, child],
    };
    return { option, marksSwitch };
  }, [curves, points, byAge, narrow, t, childLabel]);

  return (
    <div data-testid="growth-chart">
      <div role="img" aria-label={description}>
        <LineEChart option={option} height={height ?? (narrow ? 300 : 340)} />
      </div>
      {marksSwitch && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 0 }}>
          {t('growthChart.lengthToHeight')}
        </Typography.Paragraph>
      )}
    </div>
  );
}

export default GrowthChart;
