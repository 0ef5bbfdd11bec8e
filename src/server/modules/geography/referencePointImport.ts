import type { Locale, Messages } from '../../platform/i18n/locale.ts';
import { format } from '../../platform/i18n/locale.ts';
import { columnsByAlias, EMPTY_FILE, sheetProblem } from './importChecks.ts';
import type { ParsedSheet } from './sheetFile.ts';

export type ReferencePointRecord = { code: string; lat: number; lng: number };

/** Mainland China's extent, with a margin: a point outside it is a swapped or mistyped pair. */
export const CHINA = { lat: { min: 18, max: 54 }, lng: { min: 73, max: 136 } } as const;

/** Latitude and longitude, as headers and as problems: reference points and grid cells read them alike. */
export const LAT_LNG_PROBLEMS = {
  lat: { 'zh-CN': '纬度“{value}”应在18到54之间（中国境内）', en: 'Latitude "{value}" must be between 18 and 54 (within China)' },
  lng: { 'zh-CN': '经度“{value}”应在73到136之间（中国境内）', en: 'Longitude "{value}" must be between 73 and 136 (within China)' },
} as const satisfies Record<string, Messages>;
export const LAT_LNG_ALIASES = {
  lat: 'lat',
  latitude: 'lat',
  纬度: 'lat',
  lng: 'lng',
  lon: 'lng',
  longitude: 'lng',
  经度: 'lng',
} as const;

const PROBLEMS = {
  header: {
    'zh-CN': '缺少列：{columns}（需要 code、lat、lng，或 区划代码、纬度、经度）',
    en: 'Missing columns: {columns} (need code, lat, lng)',
  },
  empty: EMPTY_FILE,
  code: { 'zh-CN': '区划代码“{value}”不存在或已不在用', en: 'Division code "{value}" does not exist or is no longer in force' },
  ...LAT_LNG_PROBLEMS,
  duplicate: { 'zh-CN': '与第{other}行是同一区划', en: 'Same division as line {other}' },
} as const satisfies Record<string, Messages>;

export type PointProblemKind = keyof typeof PROBLEMS;
export type PointProblem = { line: number; kind: PointProblemKind; params: Record<string, unknown> };

const ALIASES: Record<string, keyof ReferencePointRecord> = {
  code: 'code',
  区划代码: 'code',
  ...LAT_LNG_ALIASES,
};

export const pointColumn = columnsByAlias(ALIASES);

export function degrees(value: unknown, range: { min: number; max: number }): number | undefined {
  const text = String(value ?? '').trim();
  if (!/^-?\d{1,3}(\.\d{1,8})?$/.test(text)) return undefined;
  const n = Number(text);
  return n >= range.min && n <= range.max ? n : undefined;
}

/**
 * Checks every row of a reference-point file and reports every problem with its line; returns
 * records only when there are none, so an import sets every point of the file or none.
 */
export function validatePointRows(
  sheet: ParsedSheet,
  isCurrentCode: (code: string) => boolean,
): { records: ReferencePointRecord[]; problems: PointProblem[] } {
  const unread = sheetProblem(sheet, ['code', 'lat', 'lng'], pointColumn);
  if (unread) return { records: [], problems: [unread] };

  const problems: PointProblem[] = [];
  const records: ReferencePointRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of sheet.rows) {
    const code = String(cells.code ?? '').trim();
    const lat = degrees(cells.lat, CHINA.lat);
    const lng = degrees(cells.lng, CHINA.lng);
    const before = problems.length;
    if (!isCurrentCode(code)) problems.push({ line, kind: 'code', params: { value: code } });
    if (lat === undefined) problems.push({ line, kind: 'lat', params: { value: cells.lat ?? '' } });
    if (lng === undefined) problems.push({ line, kind: 'lng', params: { value: cells.lng ?? '' } });
    const other = seen.get(code);
    if (other !== undefined) problems.push({ line, kind: 'duplicate', params: { other } });
    else seen.set(code, line);
    if (problems.length === before) records.push({ code, lat: lat as number, lng: lng as number });
  }
  return problems.length > 0 ? { records: [], problems } : { records, problems };
}

export function describePointProblem(p: PointProblem, locale: Locale) {
  return { line: p.line, kind: p.kind, message: format(PROBLEMS[p.kind][locale], p.params) };
}
