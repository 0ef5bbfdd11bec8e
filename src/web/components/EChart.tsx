import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';

/** What a click on a data item tells: its place in its series' data. */
type EChartClick = { dataIndex: number };

type Props = {
  option: EChartsCoreOption;
  /** Pixels, or a height over width the chart keeps as the page narrows, up to a height in pixels. */
  height: number | { aspect: number; max: number };
  onClick?: (item: EChartClick) => void;
};

/**
 * Mounts an echarts instance on a div and keeps it sized to it. Each chart registers only the
 * echarts parts it draws (`echarts.use`), since the full build is several times larger. Written
 * here rather than taken from echarts-for-react: its 3.0.6 build imports `tslib` without declaring
 * it (upstream issue hustcc/echarts-for-react#512), and npm leaves tslib nested under echarts, so
 * it cannot be bundled. SVG keeps axis text sharp on high-density phone screens.
 */
export function EChart({ option, height, onClick }: Props) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The latest handler, so a re-render does not have to unbind and bind it again.
  const click = useRef(onClick);
  click.current = onClick;

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
    instance.on('click', (params) => click.current?.({ dataIndex: params.dataIndex }));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    // notMerge: a language switch renames every series, and merging would keep the old names too.
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  // A kept aspect is capped by narrowing the box, not by cutting its height, which would break it.
  const style: CSSProperties =
    typeof height === 'number'
      ? { height, width: '100%' }
      : { aspectRatio: 1 / height.aspect, width: '100%', maxWidth: height.max / height.aspect, margin: '0 auto' };
  return <div ref={element} style={style} />;
}
