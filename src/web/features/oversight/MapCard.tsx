import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { lazy, type ReactNode, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { DivisionNode } from '../geography/api';
import { formatCount, formatPer1000 } from './format';
import type { MapPoint } from './MapChart';
import { RING_COLOR } from './mapFrame';
import { useAccess, useTownshipInstitutions } from './queries';
import { townshipsOf } from './tree';

// ECharts only once the map is drawn, as for the trend: the rest of the dashboard shows without it.
const MapChart = lazy(() => import('./MapChart'));

const GREEN = '#52c41a';
const ORANGE = '#fa8c16';
const BLUE = '#1677ff';

/** A kind of point the map draws; the legend counts the drawn points of that kind. */
type LegendItem = { key: string; color?: string; ring?: boolean; text: string; shows: (point: MapPoint) => boolean };

/** The chart, its legend in words and what could not be placed on it. */
function MapBody(props: {
  note?: string;
  label: string;
  points: MapPoint[];
  legend: LegendItem[];
  unlocated: { id: string; name: string }[];
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      {props.note && <Typography.Text type="secondary">{props.note}</Typography.Text>}
      {props.points.length > 0 && (
        <Suspense fallback={<PageLoading />}>
          <MapChart points={props.points} label={props.label} onPick={props.onPick} />
        </Suspense>
      )}
      <Flex wrap gap="4px 16px" data-testid="map-legend">
        {props.legend.map((item) => (
          <Flex key={item.key} align="center" gap={6} data-testid={`map-legend-${item.key}`}>
            <span
              aria-hidden
              style={{
                display: 'inline-block',
                width: 12,
                height: 12,
                borderRadius: '50%',
                background: item.color ?? 'transparent',
                border: item.ring ? `2px solid ${RING_COLOR}` : undefined,
                boxSizing: 'border-box',
              }}
            />
            <span>{t('oversight.map.legendItem', { text: item.text, n: formatCount(props.points.filter(item.shows).length) })}</span>
          </Flex>
        ))}
      </Flex>
      {props.unlocated.length > 0 && (
        <div data-testid="map-unlocated">
          <Typography.Text type="secondary">{t('oversight.map.unlocated')}</Typography.Text>
          {props.unlocated.map((u) => (
            <Tag key={u.id}>{u.name}</Tag>
          ))}
        </div>
      )}
    </Flex>
  );
}

type TownshipsProps = {
  code: string;
  node: DivisionNode;
  hrefOf: (code: string) => string;
  /** A click picks the township for the what-if instead of opening it. */
  picking: boolean;
  onPick: (code: string) => void;
  onCancelPick: () => void;
};

/**
 * The townships of a city or district at their reference points: area by places, green or orange
 * by inclusive coverage, a red ring for a childcare desert. A click opens the township's dashboard.
 */
export function TownshipsMapCard({ code, node, hrefOf, picking, onPick, onCancelPick }: TownshipsProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const access = useAccess(code, 'townships');
  const points = useMemo<MapPoint[]>(() => {
    const deserts = new Set(access.data?.deserts);
    return (access.data?.points ?? []).map((p) => ({
      id: p.divisionCode,
      lat: p.lat,
      lng: p.lng,
      places: p.places,
      color: p.coveredByInclusive ? GREEN : ORANGE,
      ring: deserts.has(p.divisionCode),
      lines: [
        p.name,
        p.coveredByInclusive ? t('oversight.map.covered') : t('oversight.map.uncovered'),
        `${t('oversight.places')} ${formatCount(p.places)}`,
        `${t('oversight.placesPer1000')} ${formatPer1000(p.placesPer1000)}`,
        t('oversight.map.access', { value: p.accessPer100 }),
      ],
    }));
  }, [access.data, t]);

  let body: ReactNode;
  if (access.isPending) body = <PageLoading />;
  else if (access.isError) body = <LoadError error={access.error} onRetry={() => void access.refetch()} />;
  else {
    const names = new Map(townshipsOf(node).map((d) => [d.code, d.name]));
    body = (
      <MapBody
        // While picking, the hint above says what a click does instead.
        note={picking ? undefined : t('oversight.map.townshipsNote')}
        label={t('oversight.map.townshipsLabel', { count: points.length })}
        points={points}
        legend={[
          { key: 'covered', color: GREEN, text: t('oversight.map.covered'), shows: (p) => p.color === GREEN },
          { key: 'uncovered', color: ORANGE, text: t('oversight.map.uncovered'), shows: (p) => p.color === ORANGE },
          { key: 'desert', ring: true, text: t('oversight.map.desert'), shows: (p) => p.ring },
        ]}
        unlocated={access.data.unlocated.map((c) => ({ id: c, name: names.get(c) ?? c }))}
        onPick={(township) => (picking ? onPick(township) : void navigate(hrefOf(township)))}
      />
    );
  }
  return (
    <Card title={t('oversight.map.townshipsTitle')} data-testid="map-card">
      {picking && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('oversight.map.pickHint')}
          data-testid="map-picking"
          action={
            <Button size="small" onClick={onCancelPick}>
              {t('oversight.map.cancelPick')}
            </Button>
          }
        />
      )}
      {body}
    </Card>
  );
}

/** A township's institutions at their locations: area by places, green when inclusive; a click opens the record. */
export function InstitutionsMapCard({ code, registryHref }: { code: string; registryHref: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useTownshipInstitutions(code);
  const items = list.data?.items;
  const points = useMemo<MapPoint[]>(
    () =>
      (items ?? []).flatMap((i) => {
        if (!i.location) return [];
        const inclusive = i.designations.some((d) => d.kind === 'inclusive');
        return [
          {
            id: i.id,
            ...i.location,
            places: i.places,
            color: inclusive ? GREEN : BLUE,
            ring: false,
            lines: [
              i.name,
              inclusive ? t('oversight.map.inclusive') : t('oversight.map.other'),
              `${t('oversight.places')} ${formatCount(i.places)}`,
              t(`institutions.status.${i.status}`),
            ],
          },
        ];
      }),
    [items, t],
  );

  let body: ReactNode;
  if (list.isPending) body = <PageLoading />;
  else if (list.isError) body = <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  else {
    body = (
      <MapBody
        note={t('oversight.map.institutionsNote')}
        label={t('oversight.map.institutionsLabel', { count: points.length })}
        points={points}
        legend={[
          { key: 'inclusive', color: GREEN, text: t('oversight.map.inclusive'), shows: (p) => p.color === GREEN },
          { key: 'other', color: BLUE, text: t('oversight.map.other'), shows: (p) => p.color === BLUE },
        ]}
        unlocated={list.data.items.filter((i) => !i.location)}
        onPick={(id) => void navigate(`${registryHref}/${id}`)}
      />
    );
  }
  return (
    <Card title={t('oversight.map.institutionsTitle')} data-testid="map-card">
      {body}
    </Card>
  );
}
