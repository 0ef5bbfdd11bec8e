import { ScatterChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import type { PublicSearchItem } from './api';

echarts.use([ScatterChart, GridComponent, TooltipComponent, SVGRenderer]);

// Axes fit the results with a small margin; a value axis would otherwise start near zero.
function fit(values: number[]) {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const margin = Math.max((hi - lo) * 0.1, 0.01);
  return { min: +(lo - margin).toFixed(3), max: +(hi + margin).toFixed(3) };
}

/**
 * A map-like view with no tiles: the server runs offline in some deployments, so the page plots
 * the results' longitude and latitude on plain axes instead of fetching a base map.
 */
export default function ResultsMap({ items, centre }: { items: PublicSearchItem[]; centre?: { lat: number; lng: number } | null }) {
  const { t } = useTranslation();
  const option = useMemo(() => {
    const points = [...items.map((i) => i.location), ...(centre ? [centre] : [])];
    // Coordinates tell a parent little: the labels thin out rather than run into each other on a phone.
    const axis = (values: number[], name: string) => ({
      type: 'value',
      ...fit(values),
      name,
      axisLabel: { hideOverlap: true, showMinLabel: false, showMaxLabel: false },
    });
    return {
      grid: { left: 48, right: 16, top: 16, bottom: 32 },
      tooltip: { formatter: (p: { data: [number, number, string] }) => p.data[2] },
      xAxis: axis(
        points.map((p) => p.lng),
        t('search.lng'),
      ),
      yAxis: axis(
        points.map((p) => p.lat),
        t('search.lat'),
      ),
      series: [
        { type: 'scatter', symbolSize: 10, data: items.map((i) => [i.location.lng, i.location.lat, i.name]) },
        ...(centre
          ? [
              {
                type: 'scatter',
                symbol: 'pin',
                symbolSize: 22,
                itemStyle: { color: '#d4380d' },
                data: [[centre.lng, centre.lat, t('search.centre')]],
              },
            ]
          : []),
      ],
    };
  }, [items, centre, t]);
  return (
    <div role="img" aria-label={t('search.map')}>
      <EChart option={option} height={280} />
    </div>
  );
}
