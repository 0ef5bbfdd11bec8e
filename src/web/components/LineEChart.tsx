import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  type GridComponentOption,
  LegendComponent,
  type LegendComponentOption,
  MarkLineComponent,
  type MarkLineComponentOption,
  TooltipComponent,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { EChart } from './EChart';

// Only what line charts draw: lines, axes, legend, a target or reference line and the tooltip.
// SVG also lets tests find the chart in the DOM.
echarts.use([LineChart, GridComponent, LegendComponent, MarkLineComponent, TooltipComponent, SVGRenderer]);

export type LineChartOption = echarts.ComposeOption<
  LineSeriesOption | GridComponentOption | LegendComponentOption | MarkLineComponentOption | TooltipComponentOption
>;

/** An EChart holding line series: the growth curves, the oversight trend. */
export function LineEChart({ option, height }: { option: LineChartOption; height: number }) {
  return <EChart option={option} height={height} />;
}
