// Distances on earthdistance's sphere, in JavaScript, for the parts of a search done outside SQL.

/** earthdistance's earth(): a sphere of radius 6,378,168 m. */
export const EARTH_RADIUS_M = 6_378_168;

/** The straight-line (chord) length through the sphere between two points a great-circle distance apart. */
export const chordOf = (greatCircleM: number) => 2 * EARTH_RADIUS_M * Math.sin(greatCircleM / (2 * EARTH_RADIUS_M));

/** The great-circle distance for a chord, as earthdistance's sec_to_gc computes it. */
export const greatCircleOf = (chordM: number) => 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, chordM / (2 * EARTH_RADIUS_M)));

/** A point on the sphere in metres, as earthdistance's ll_to_earth(lat, lng) computes it. */
export function earthPoint(lat: number, lng: number) {
  const φ = (lat * Math.PI) / 180;
  const λ = (lng * Math.PI) / 180;
  return { x: EARTH_RADIUS_M * Math.cos(φ) * Math.cos(λ), y: EARTH_RADIUS_M * Math.cos(φ) * Math.sin(λ), z: EARTH_RADIUS_M * Math.sin(φ) };
}
