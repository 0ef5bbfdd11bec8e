import { createPrng } from '../../../../domain/random/prng.ts';

// Demo geography: plausible, not surveyed. District centres and spreads are approximate; a
// few well-known townships are placed by hand (county seats, the central subdistricts), the
// rest are scattered around their district's centre with a PRNG seeded by the township code,
// kept west of the coastline. Lianyungang spans roughly lat 34.0–35.1, lng 118.4–119.8.

export type Point = { lat: number; lng: number };

const DISTRICTS: Record<string, { centre: Point; radiusKm: number }> = {
  '320703': { centre: { lat: 34.7, lng: 119.4 }, radiusKm: 10 }, // 连云区
  '320706': { centre: { lat: 34.59, lng: 119.18 }, radiusKm: 12 }, // 海州区
  '320707': { centre: { lat: 34.86, lng: 119.05 }, radiusKm: 22 }, // 赣榆区
  '320722': { centre: { lat: 34.55, lng: 118.75 }, radiusKm: 28 }, // 东海县
  '320723': { centre: { lat: 34.3, lng: 119.22 }, radiusKm: 22 }, // 灌云县
  '320724': { centre: { lat: 34.1, lng: 119.32 }, radiusKm: 18 }, // 灌南县
  '320771': { centre: { lat: 34.65, lng: 119.29 }, radiusKm: 6 }, // 经济技术开发区
};

const TOWNSHIPS: Record<string, Point> = {
  '320706006': { lat: 34.6, lng: 119.21 }, // 新海街道
  '320706010': { lat: 34.605, lng: 119.175 }, // 新浦街道
  '320706011': { lat: 34.575, lng: 119.135 }, // 海州街道
  '320706001': { lat: 34.565, lng: 119.16 }, // 朐阳街道
  '320706012': { lat: 34.585, lng: 119.2 }, // 幸福路街道
  '320706020': { lat: 34.64, lng: 119.26 }, // 花果山街道
  '320703001': { lat: 34.73, lng: 119.37 }, // 墟沟街道
  '320703003': { lat: 34.75, lng: 119.43 }, // 连云街道
  '320703007': { lat: 34.56, lng: 119.55 }, // 徐圩街道
  '320707100': { lat: 34.84, lng: 119.13 }, // 青口镇
  '320722001': { lat: 34.54, lng: 118.77 }, // 牛山街道
  '320722002': { lat: 34.52, lng: 118.755 }, // 石榴街道
  '320723001': { lat: 34.31, lng: 119.26 }, // 侍庄街道
  '320723100': { lat: 34.295, lng: 119.25 }, // 伊山镇
  '320724100': { lat: 34.09, lng: 119.355 }, // 新安镇
  '320771001': { lat: 34.66, lng: 119.32 }, // 中云街道
  '320771002': { lat: 34.63, lng: 119.26 }, // 猴嘴街道
  '320771003': { lat: 34.68, lng: 119.3 }, // 朝阳街道
};

// The coast, north to south, as (lat, easternmost lng on land).
const COAST: [number, number][] = [
  [35.1, 119.25],
  [34.85, 119.22],
  [34.78, 119.3],
  [34.74, 119.5],
  [34.5, 119.62],
  [34.3, 119.72],
  [34.0, 119.8],
];

function coastLng(lat: number): number {
  for (let i = 1; i < COAST.length; i++) {
    const [northLat, northLng] = COAST[i - 1] as [number, number];
    const [southLat, southLng] = COAST[i] as [number, number];
    if (lat <= northLat && lat >= southLat) return southLng + ((lat - southLat) / (northLat - southLat)) * (northLng - southLng);
  }
  return lat > 35.1 ? 119.25 : 119.8;
}

/** Moves a point by km north and east. */
export function offset(p: Point, northKm: number, eastKm: number): Point {
  return { lat: p.lat + northKm / 111.2, lng: p.lng + eastKm / (111.2 * Math.cos((p.lat * Math.PI) / 180)) };
}

/** Keeps a point on land and inside the city's rough extent. */
export function onLand(p: Point): Point {
  const lat = Math.min(35.08, Math.max(34.02, p.lat));
  const lng = Math.min(coastLng(lat) - 0.015, Math.max(118.42, p.lng));
  return { lat: round(lat), lng: round(lng) };
}

const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** A township's centre: placed by hand, or scattered in its district (街道 near the centre). */
export function townshipCentre(code: string, name: string): Point {
  const fixed = TOWNSHIPS[code];
  if (fixed) return fixed;
  const district = DISTRICTS[code.slice(0, 6)] ?? { centre: { lat: 34.6, lng: 119.2 }, radiusKm: 10 };
  const prng = createPrng(Number(code.slice(-6)));
  const reach = name.endsWith('街道') ? 0.35 : 0.4 + 0.6 * prng.next();
  const distance = district.radiusKm * reach * Math.sqrt(prng.next());
  const angle = prng.next() * 2 * Math.PI;
  return onLand(offset(district.centre, distance * Math.cos(angle), distance * Math.sin(angle)));
}

/** A spot near the township centre: within ~2 km in a subdistrict, ~4 km in a town. */
export function nearTownship(centre: Point, isSubdistrict: boolean, rnd: () => number): Point {
  const distance = (isSubdistrict ? 2 : 4) * Math.sqrt(rnd());
  const angle = rnd() * 2 * Math.PI;
  return onLand(offset(centre, distance * Math.cos(angle), distance * Math.sin(angle)));
}
