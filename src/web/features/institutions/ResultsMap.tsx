import 'maplibre-gl/dist/maplibre-gl.css';
import { Alert, Button } from 'antd';
import type { FeatureCollection } from 'geojson';
import {
  type GeoJSONSource,
  LngLatBounds,
  Map as MapLibre,
  NavigationControl,
  Popup,
  type StyleSpecification,
  setWorkerUrl,
} from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { DistrictOutlines, MapTiles } from './api';
import { useDistrictOutlines, useMapTiles } from './queries';

// The worker comes from this server, so the CSP's worker-src stays 'self' (no blob: workers).
setWorkerUrl(workerUrl);

export type MapPoint = { id: string; name: string; location: { lat: number; lng: number } };
type Point = { lat: number; lng: number };
type SearchArea = Point & { radiusKm: number };

const MAX_RADIUS_KM = 50;
const PIN = '#1677ff';

const NO_OUTLINES: DistrictOutlines = { approvalNumbers: [], outlines: { type: 'FeatureCollection', features: [] } };

// Attributions are drawn as HTML; an approval number is text an administrator typed.
const asHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The tile server configured (MAP_TILE_URL), or none: then the district outlines the city imported
 * (none in the demo) on a plain background with the points, which still shows where the results
 * lie, in which district, relative to each other and to the parent. Over tiles the outlines are a
 * thin line. The outlines' map approval numbers (审图号) are the map's attribution.
 */
function styleOf(tiles: MapTiles, outlines: DistrictOutlines, approval: (number: string) => string): StyleSpecification {
  const attribution = outlines.approvalNumbers.map((n) => asHtml(approval(n))).join(' ');
  const districts = { type: 'geojson' as const, data: outlines.outlines as FeatureCollection, ...(attribution ? { attribution } : {}) };
  return {
    version: 8,
    sources: {
      districts,
      ...(tiles ? { base: { type: 'raster', tiles: [tiles.url], tileSize: 256, attribution: tiles.attribution, maxzoom: 18 } } : {}),
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#eef2f6' } },
      ...(tiles
        ? [{ id: 'base', type: 'raster' as const, source: 'base' }]
        : [{ id: 'districts-fill', type: 'fill' as const, source: 'districts', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.7 } }]),
      {
        id: 'districts',
        type: 'line',
        source: 'districts',
        paint: tiles ? { 'line-color': '#3d4f66', 'line-width': 1, 'line-opacity': 0.6 } : { 'line-color': '#8393a7', 'line-width': 1.5 },
      },
    ],
  };
}

/** How many districts' outlines are on screen. */
function districtsShown(map: MapLibre): number {
  return new Set(map.queryRenderedFeatures({ layers: ['districts'] }).map((f) => f.properties.code)).size;
}

function featuresOf(points: MapPoint[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: points.map((p) => ({
      type: 'Feature',
      properties: { id: p.id, name: p.name },
      geometry: { type: 'Point', coordinates: [p.location.lng, p.location.lat] },
    })),
  };
}

function centreFeature(centre: Point | null): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: centre ? [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [centre.lng, centre.lat] } }] : [],
  };
}

function fit(map: MapLibre, points: MapPoint[], centre: Point | null) {
  const all = [...points.map((p) => p.location), ...(centre ? [centre] : [])];
  const first = all[0];
  if (!first) return;
  const bounds = new LngLatBounds([first.lng, first.lat], [first.lng, first.lat]);
  for (const p of all) bounds.extend([p.lng, p.lat]);
  map.fitBounds(bounds, { padding: 40, maxZoom: 14, duration: 0 });
}

type Props = {
  points: MapPoint[];
  centre?: Point | null;
  height?: number;
  /** 搜索此区域: the map's centre and a radius reaching its corners. Without it the map only shows. */
  onSearchArea?: (area: SearchArea) => void;
};

/** Institutions as pins on a map that pans and zooms; a pin names its institution and leads to its page. */
export default function ResultsMap(props: Props) {
  const { t } = useTranslation();
  const tiles = useMapTiles();
  const outlines = useDistrictOutlines();
  if (tiles.isPending || outlines.isPending) return <div style={{ height: props.height ?? 320 }} />;
  // Without the setting the map still works, as points on a plain background; without outlines, points only.
  return <MapView {...props} tiles={tiles.data ?? null} outlines={outlines.data ?? NO_OUTLINES} label={t('search.map')} />;
}

type ViewProps = Props & { tiles: MapTiles; outlines: DistrictOutlines; label: string };

function MapView({ points, centre = null, height = 320, onSearchArea, tiles, outlines, label }: ViewProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const box = useRef<HTMLElement>(null);
  const mapRef = useRef<MapLibre | null>(null);
  const [failed, setFailed] = useState(false);
  const [shown, setShown] = useState<number | null>(null);
  const [districts, setDistricts] = useState<number | null>(null);
  const latest = useRef({ points, centre });
  latest.current = { points, centre };

  useEffect(() => {
    if (!box.current) return;
    let map: MapLibre;
    try {
      map = new MapLibre({
        container: box.current,
        style: styleOf(tiles, outlines, (number) => t('search.mapApproval', { number })),
        center: [119.22, 34.6],
        zoom: 10,
        attributionControl: tiles?.attribution || outlines.approvalNumbers.length > 0 ? { compact: true } : false,
      });
    } catch {
      // No WebGL on this device: the list above still has every result.
      setFailed(true);
      return;
    }
    mapRef.current = map;
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.on('load', () => {
      const { points: now, centre: at } = latest.current;
      map.addSource('results', { type: 'geojson', data: featuresOf(now) });
      map.addSource('centre', { type: 'geojson', data: centreFeature(at) });
      map.addLayer({
        id: 'centre',
        type: 'circle',
        source: 'centre',
        paint: {
          'circle-radius': 9,
          'circle-color': '#d4380d',
          'circle-opacity': 0.35,
          'circle-stroke-color': '#d4380d',
          'circle-stroke-width': 2,
        },
      });
      map.addLayer({
        id: 'results',
        type: 'circle',
        source: 'results',
        paint: { 'circle-radius': 7, 'circle-color': PIN, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
      });
      fit(map, now, at);
    });
    // How many pins and district outlines are drawn, for people and tests reading the page rather than the canvas.
    map.on('idle', () => {
      if (map.getLayer('results')) setShown(map.queryRenderedFeatures({ layers: ['results'] }).length);
      setDistricts(districtsShown(map));
    });
    map.on('click', 'results', (e) => {
      const feature = e.features?.[0];
      if (feature?.geometry.type !== 'Point') return;
      const { id, name } = feature.properties as { id: string; name: string };
      // Built as elements: the name is stored user text and must stay text.
      const link = document.createElement('a');
      link.href = `/institutions/${id}`;
      link.textContent = name;
      link.addEventListener('click', (event) => {
        event.preventDefault();
        navigate(`/institutions/${id}`);
      });
      new Popup({ closeButton: false })
        .setLngLat(feature.geometry.coordinates as [number, number])
        .setDOMContent(link)
        .addTo(map);
    });
    map.on('mouseenter', 'results', () => {
      map.getCanvas().style.cursor = 'pointer';
    });
    map.on('mouseleave', 'results', () => {
      map.getCanvas().style.cursor = '';
    });
    return () => {
      mapRef.current = null;
      map.remove();
    };
  }, [tiles, outlines, navigate, t]);

  // New results: new pins, and the view moves to them.
  useEffect(() => {
    const map = mapRef.current;
    const results = map?.getSource('results') as GeoJSONSource | undefined;
    if (!map || !results) return;
    results.setData(featuresOf(points));
    (map.getSource('centre') as GeoJSONSource | undefined)?.setData(centreFeature(centre));
    fit(map, points, centre);
  }, [points, centre]);

  function searchArea() {
    const map = mapRef.current;
    if (!map || !onSearchArea) return;
    const middle = map.getCenter();
    const corner = map.getBounds().getNorthEast();
    const radiusKm = Math.min(MAX_RADIUS_KM, Math.max(0.5, Math.round(middle.distanceTo(corner) / 100) / 10));
    onSearchArea({ lat: Number(middle.lat.toFixed(5)), lng: Number(middle.lng.toFixed(5)), radiusKm });
  }

  if (failed) return <Alert type="info" showIcon title={t('search.mapUnavailable')} />;
  return (
    <div style={{ position: 'relative' }}>
      <section
        ref={box}
        aria-label={label}
        data-testid="results-map"
        data-pins={shown ?? undefined}
        data-districts={districts ?? undefined}
        style={{ height, borderRadius: 8 }}
      ></section>
      {onSearchArea && (
        <Button onClick={searchArea} style={{ position: 'absolute', top: 10, left: '50%', transform: 'translateX(-50%)' }}>
          {t('search.searchArea')}
        </Button>
      )}
    </div>
  );
}
