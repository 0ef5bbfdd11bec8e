import { z } from 'zod';
import type { Locale, Messages } from '../../platform/i18n/locale.ts';
import { format } from '../../platform/i18n/locale.ts';
import { CHINA } from './referencePointImport.ts';

/**
 * The finder's map draws every outline on the phone: 200,000 positions (about 4 MB of GeoJSON) is
 * a city's districts at a few metres; finer outlines are simplified before import.
 */
export const MAX_OUTLINE_POSITIONS = 200_000;

type Position = [number, number];
export type OutlineGeometry = { type: 'Polygon'; coordinates: Position[][] } | { type: 'MultiPolygon'; coordinates: Position[][][] };
export type DistrictOutline = { code: string; geometry: OutlineGeometry };

// Positions may carry an altitude (RFC 7946); the map needs only longitude and latitude.
const RawPosition = z.array(z.number()).min(2).max(3);
const RawPolygon = z.array(z.array(RawPosition)).min(1);
const RawFeature = z.object({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: RawPolygon }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(RawPolygon).min(1) }),
  ]),
});

const PROBLEMS = {
  too_large: {
    'zh-CN': '边界坐标点超过{max}个，请简化后再导入',
    en: 'More than {max} boundary positions; simplify the outlines and import again',
  },
  shape: {
    'zh-CN': '不是带 Polygon 或 MultiPolygon 几何的 GeoJSON Feature（{path}）',
    en: 'Not a GeoJSON Feature with a Polygon or MultiPolygon geometry (at {path})',
  },
  no_code: {
    'zh-CN': '属性中没有区划代码（code 或 adcode）',
    en: 'Its properties carry no division code (code or adcode)',
  },
  code: {
    'zh-CN': '区划代码“{value}”不是本市现行的区县',
    en: 'Division code "{value}" is not a district or county of this city in force today',
  },
  duplicate: { 'zh-CN': '与第{other}个要素是同一区县', en: 'Same district as feature {other}' },
  ring_short: {
    'zh-CN': '第{ring}个环只有{count}个坐标点，至少需要4个',
    en: 'Ring {ring} has {count} positions; at least 4 are needed',
  },
  ring_open: {
    'zh-CN': '第{ring}个环未闭合（首尾坐标应相同）',
    en: 'Ring {ring} is not closed (its first and last positions must be the same)',
  },
  position: {
    'zh-CN': '第{ring}个环中的坐标（{lng}, {lat}）不在中国境内的经纬度范围（WGS-84 经度、纬度）',
    en: 'Ring {ring} has position ({lng}, {lat}), not a WGS-84 longitude, latitude within China',
  },
} as const satisfies Record<string, Messages>;

const FEATURE = { 'zh-CN': '第{feature}个要素：', en: 'Feature {feature}: ' } as const satisfies Messages;
const FEATURE_WITH_CODE = { 'zh-CN': '第{feature}个要素（{code}）：', en: 'Feature {feature} ({code}): ' } as const satisfies Messages;

export type OutlineProblemKind = keyof typeof PROBLEMS;
/** `feature` counts from 1; none for a problem of the whole collection. */
export type OutlineProblem = { feature?: number; code?: string; kind: OutlineProblemKind; params: Record<string, unknown> };

const codeOf = (properties: Record<string, unknown> | null) => {
  const value = properties?.code ?? properties?.adcode;
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
};

const inChina = ([lng, lat]: number[]) =>
  lng !== undefined && lat !== undefined && lng >= CHINA.lng.min && lng <= CHINA.lng.max && lat >= CHINA.lat.min && lat <= CHINA.lat.max;

/** The first thing wrong with a polygon's rings, numbered across the feature from 1. */
function ringProblem(rings: number[][][], first: number): Omit<OutlineProblem, 'feature' | 'code'> | undefined {
  for (const [i, ring] of rings.entries()) {
    const at = first + i;
    if (ring.length < 4) return { kind: 'ring_short', params: { ring: at, count: ring.length } };
    const outside = ring.find((p) => !inChina(p));
    if (outside) return { kind: 'position', params: { ring: at, lng: outside[0], lat: outside[1] } };
    const [start, end] = [ring[0] as number[], ring.at(-1) as number[]];
    if (start[0] !== end[0] || start[1] !== end[1]) return { kind: 'ring_open', params: { ring: at } };
  }
  return undefined;
}

const flat = (rings: number[][][]): Position[][] => rings.map((ring) => ring.map(([lng, lat]) => [lng as number, lat as number]));

/**
 * Checks every feature of an imported FeatureCollection against the city's districts and reports
 * every bad feature at once; returns outlines only when there are none, so an import replaces the
 * city's outlines whole or not at all.
 */
export function validateOutlines(
  features: readonly unknown[],
  districtCodes: ReadonlySet<string>,
): { outlines: DistrictOutline[]; problems: OutlineProblem[] } {
  const problems: OutlineProblem[] = [];
  const outlines: DistrictOutline[] = [];
  const seen = new Map<string, number>();
  let positions = 0;
  for (const [i, raw] of features.entries()) {
    const feature = i + 1;
    const parsed = RawFeature.safeParse(raw);
    if (!parsed.success) {
      problems.push({ feature, kind: 'shape', params: { path: parsed.error.issues[0]?.path.join('.') || '—' } });
      continue;
    }
    const code = codeOf(parsed.data.properties);
    const before = problems.length;
    if (code === undefined) problems.push({ feature, kind: 'no_code', params: {} });
    else if (!districtCodes.has(code)) problems.push({ feature, code, kind: 'code', params: { value: code } });
    else if (seen.has(code)) problems.push({ feature, code, kind: 'duplicate', params: { other: seen.get(code) } });
    else seen.set(code, feature);
    const { geometry } = parsed.data;
    const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    let ring = 1;
    for (const polygon of polygons) {
      const problem = ringProblem(polygon, ring);
      if (problem) {
        problems.push({ feature, code, ...problem });
        break;
      }
      ring += polygon.length;
      positions += polygon.reduce((sum, r) => sum + r.length, 0);
    }
    if (problems.length > before || code === undefined) continue;
    outlines.push({
      code,
      geometry:
        geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: flat(geometry.coordinates) }
          : { type: 'MultiPolygon', coordinates: geometry.coordinates.map(flat) },
    });
  }
  if (positions > MAX_OUTLINE_POSITIONS) problems.unshift({ kind: 'too_large', params: { max: MAX_OUTLINE_POSITIONS } });
  return problems.length > 0 ? { outlines: [], problems } : { outlines, problems };
}

export function describeOutlineProblem(p: OutlineProblem, locale: Locale) {
  const which = p.feature === undefined ? '' : format((p.code ? FEATURE_WITH_CODE : FEATURE)[locale], p);
  return { feature: p.feature, kind: p.kind, message: `${which}${format(PROBLEMS[p.kind][locale], p.params)}` };
}
