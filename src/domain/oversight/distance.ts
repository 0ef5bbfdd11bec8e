import { EARTH_RADIUS_KM } from '../geography/earth.ts';

/**
 * Distances between demand points and institutions come from a source, so that an imported
 * travel-time matrix can later stand in for the straight line without touching 2SFCA.
 */
export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface DistanceSource {
  /** Kilometres (or an equivalent cost) from a to b; catchments are expressed in the same unit. */
  km(a: GeoPoint, b: GeoPoint): number;
}

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Haversine: stable for the short distances that matter in a catchment. */
export function greatCircleKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export const greatCircle: DistanceSource = { km: greatCircleKm };
