import { Typography } from 'antd';
import { ScatterChart, type ScatterSeriesOption } from 'echarts/charts';
import { GridComponent, type GridComponentOption, TooltipComponent, type TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EChart } from '../../components/EChart';
import { mapFrame, RING_COLOR, symbolSize } from './mapFrame';

// Points over hidden longitude and latitude axes: no tiles, so nothing is fetched from outside.
echarts.use([ScatterChart, GridComponent, TooltipComponent, SVGRenderer]);

type Option = echarts.ComposeOption<ScatterSeriesOption | GridComponentOption | TooltipComponentOption>;

export type MapPoint = {
  id: string;
  lat: number;
  lng: number;
  places: number;
  color: string;
  /** Drawn with a red ring (a childcare desert). */
  ring: boolean;
  /** The tooltip's lines, the name first; plain text. */
  lines: string[];
};

// Equal margins in proportion to each side keep the plot's aspect that of the box (see mapFrame).
const MARGIN = '3%';
const MAX_HEIGHT_PX = 520;

/** The points at their coordinates on equal-scale axes, each as large in area as its places. */
export default function MapChart({ points, label, onPick }: { points: MapPoint[]; label: string; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  // The largest drawn first, so a small point on top of a large one can still be hovered and tapped.
  const sorted = useMemo(() => [...points].sort((a, b) => b.places - a.places || a.id.localeCompare(b.id)), [points]);
  const frame = useMemo(() => mapFrame(sorted), [sorted]);
  const option = useMemo<Option>(() => {
    const maxPlaces = Math.max(0, ...sorted.map((p) => p.places));
    return {
      animation: false,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: MARGIN, right: MARGIN, top: MARGIN, bottom: MARGIN },
      xAxis: { type: 'value', show: false, min: frame.lngMin, max: frame.lngMax },
      yAxis: { type: 'value', show: false, min: frame.latMin, max: frame.latMax },
      tooltip: {
        trigger: 'item',
        confine: true,
        className: 'map-tooltip',
        // Names come from the registry and the division list: escaped, never read as HTML.
        formatter: (p) => {
          const lines = sorted[(Array.isArray(p) ? p[0] : p)?.dataIndex ?? -1]?.lines ?? [];
          return lines
            .map((line, i) => (i === 0 ? `<b>${echarts.format.encodeHTML(line)}</b>` : echarts.format.encodeHTML(line)))
            .join('<br/>');
        },
      },
      series: [
        {
          type: 'scatter',
          data: sorted.map((p) => ({
            value: [p.lng, p.lat],
            symbolSize: symbolSize(p.places, maxPlaces),
            itemStyle: { color: p.color, opacity: 0.85, borderColor: p.ring ? RING_COLOR : '#fff', borderWidth: p.ring ? 2 : 1 },
          })),
        },
      ],
    };
  }, [sorted, frame]);

  return (
    <div>
      <div role="img" aria-label={label} data-testid="division-map">
        <EChart
          option={option}
          height={{ aspect: frame.aspect, max: MAX_HEIGHT_PX }}
          onClick={({ dataIndex }) => {
            const point = sorted[dataIndex];
            if (point) onPick(point.id);
          }}
        />
      </div>
      {/* No axes and no tiles: the width in words stands in for a scale bar. */}
      <Typography.Text type="secondary" style={{ display: 'block', textAlign: 'center' }}>
        {t('oversight.map.width', { km: frame.widthKm < 10 ? frame.widthKm.toFixed(1) : Math.round(frame.widthKm) })}
      </Typography.Text>
    </div>
  );
}
