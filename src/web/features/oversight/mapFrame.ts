import { EARTH_RADIUS_KM } from '../../../domain/geography/earth.ts';
import type { GeoPoint } from '../../../domain/oversight/distance.ts';

/** The longitudes and latitudes a map shows, its height over its width, and its width on the ground. */
type MapFrame = { lngMin: number; lngMax: number; latMin: number; latMax: number; aspect: number; widthKm: number };

// A degree of latitude, on the sphere of the catchments' distances.
const KM_PER_DEGREE = (2 * Math.PI * EARTH_RADIUS_KM) / 360;

// About 2 km: a township whose institutions stand side by side still gets a readable map.
const MIN_SPAN_DEG = 0.02;
// Room for the largest circle at the edge.
const PADDING = 0.12;
// A district drawn as a long strip would be a line on a phone, or taller than the screen.
const MIN_ASPECT = 0.6;
const MAX_ASPECT = 1.3;

/**
 * The smallest frame around the points in which a kilometre east is as long on screen as a
 * kilometre north (a degree of longitude is cos(latitude) of a degree of latitude), padded, and
 * widened in one direction when the points lie in a strip. Drawn in a box of the frame's aspect
 * with margins in the same proportion on every side, the map keeps equal scales on both axes.
 */
export function mapFrame(points: readonly GeoPoint[]): MapFrame {
  if (points.length === 0) return { lngMin: 0, lngMax: 1, latMin: 0, latMax: 1, aspect: 1, widthKm: KM_PER_DEGREE };
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const latMid = (Math.min(...lats) + Math.max(...lats)) / 2;
  const lngMid = (Math.min(...lngs) + Math.max(...lngs)) / 2;
  const shrink = Math.cos((latMid * Math.PI) / 180);
  // Both spans in degrees of latitude, the one unit of length on this map.
  let width = Math.max(MIN_SPAN_DEG, (Math.max(...lngs) - Math.min(...lngs)) * shrink) * (1 + 2 * PADDING);
  let height = Math.max(MIN_SPAN_DEG, Math.max(...lats) - Math.min(...lats)) * (1 + 2 * PADDING);
  if (height < width * MIN_ASPECT) height = width * MIN_ASPECT;
  if (height > width * MAX_ASPECT) width = height / MAX_ASPECT;
  const halfLng = width / shrink / 2;
  return {
    lngMin: lngMid - halfLng,
    lngMax: lngMid + halfLng,
    latMin: latMid - height / 2,
    latMax: latMid + height / 2,
    aspect: height / width,
    widthKm: width * KM_PER_DEGREE,
  };
}

/** The ring around a childcare desert, on the map and in its legend. */
export const RING_COLOR = '#cf1322';

const MIN_SYMBOL_PX = 8;
const MAX_SYMBOL_PX = 36;

/**
 * A circle's diameter whose area is in proportion to its places, the largest of the map at
 * MAX_SYMBOL_PX; never smaller than MIN_SYMBOL_PX, so a township with no places can still be seen
 * and tapped.
 */
export function symbolSize(places: number, maxPlaces: number): number {
  if (maxPlaces <= 0 || places <= 0) return MIN_SYMBOL_PX;
  return Math.max(MIN_SYMBOL_PX, Math.round(MAX_SYMBOL_PX * Math.sqrt(places / maxPlaces)));
}
