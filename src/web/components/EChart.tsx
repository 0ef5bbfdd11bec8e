import type { EChartsCoreOption } from 'echarts/core';
import * as echarts from 'echarts/core';
import { useEffect, useRef } from 'react';

/**
 * Mounts an echarts instance on a div and keeps it sized to it. Each chart registers only the
 * echarts parts it draws (`echarts.use`), since the full build is several times larger. Written
 * here rather than taken from echarts-for-react: its 3.0.6 build imports `tslib` without declaring
 * it (upstream issue hustcc/echarts-for-react#512), and npm leaves tslib nested under echarts, so
 * it cannot be bundled. SVG keeps axis text sharp on high-density phone screens.
 */
export function EChart({ option, height }: { option: EChartsCoreOption; height: number }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!element.current) return;
    const instance = echarts.init(element.current, undefined, { renderer: 'svg' });
    chart.current = instance;
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

  return <div ref={element} style={{ height, width: '100%' }} />;
}
