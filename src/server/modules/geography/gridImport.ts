import type { GridCell } from '../../../domain/oversight/gridAccess.ts';
import type { Locale, Messages } from '../../platform/i18n/locale.ts';
import { format } from '../../platform/i18n/locale.ts';
import { columnsByAlias, EMPTY_FILE, sheetProblem } from './importChecks.ts';
import { wholeNumber } from './populationImport.ts';
import { CHINA, degrees, LAT_LNG_ALIASES, LAT_LNG_PROBLEMS } from './referencePointImport.ts';
import type { ParsedSheet } from './sheetFile.ts';

/**
 * Accessibility runs 2SFCA over every cell and institution of the area on each request: 20,000
 * cells (a 1 km grid of a city three times Lianyungang's area) answer in about a second.
 */
export const MAX_GRID_CELLS = 20_000;

/**
 * How far beyond the box around the city's reference points a cell may lie: the points are
 * township centres, and a township reaches 10–15 km past its centre at the city's edge.
 */
export const CITY_MARGIN_KM = 20;

/**
 * More under-3s than this in one cell is a mistyped figure (a dense city district of 1 km² has
 * about 1,500), and the bound keeps the city's total within the summary's integer column.
 */
export const MAX_CELL_UNDER3 = 100_000;

export type CityArea = { minLat: number; maxLat: number; minLng: number; maxLng: number };

const KM_PER_DEGREE = 111.2;

/** The box around the points, widened by the margin on each side. */
export function cityAreaOf(points: readonly { lat: number; lng: number }[]): CityArea | undefined {
  if (points.length === 0) return undefined;
  const lats = points.map((p) => p.lat);
  const lngs = points.map((p) => p.lng);
  const dLat = CITY_MARGIN_KM / KM_PER_DEGREE;
  const dLng = CITY_MARGIN_KM / (KM_PER_DEGREE * Math.cos((Math.max(...lats.map(Math.abs)) * Math.PI) / 180));
  return {
    minLat: Math.min(...lats) - dLat,
    maxLat: Math.max(...lats) + dLat,
    minLng: Math.min(...lngs) - dLng,
    maxLng: Math.max(...lngs) + dLng,
  };
}

const PROBLEMS = {
  header: {
    'zh-CN': '缺少列：{columns}（需要 lat、lng、under3，或 纬度、经度、3岁以下人口）',
    en: 'Missing columns: {columns} (need lat, lng, under3)',
  },
  empty: EMPTY_FILE,
  too_many: {
    'zh-CN': '网格单元超过{max}个，请合并为更粗的网格后再导入',
    en: 'More than {max} grid cells; aggregate to a coarser grid and import again',
  },
  ...LAT_LNG_PROBLEMS,
  outside: {
    'zh-CN': '位置（{lat}, {lng}）远在本市范围之外（距各区划参考点所围范围超过{km}公里）',
    en: 'Point ({lat}, {lng}) lies far outside the city (more than {km} km beyond its reference points)',
  },
  under3: {
    'zh-CN': '3岁以下人口“{value}”应为0至{max}之间的整数',
    en: 'Under-3 count "{value}" must be a whole number from 0 to {max}',
  },
  duplicate: { 'zh-CN': '与第{other}行是同一网格单元（经纬度相同）', en: 'Same cell as line {other} (same latitude and longitude)' },
} as const satisfies Record<string, Messages>;

export type GridProblemKind = keyof typeof PROBLEMS;
export type GridProblem = { line: number; kind: GridProblemKind; params: Record<string, unknown> };

const ALIASES: Record<string, keyof GridCell> = {
  ...LAT_LNG_ALIASES,
  under3: 'under3',
  '3岁以下人口': 'under3',
};

export const gridColumn = columnsByAlias(ALIASES);

const inArea = (area: CityArea, lat: number, lng: number) =>
  lat >= area.minLat && lat <= area.maxLat && lng >= area.minLng && lng <= area.maxLng;

/**
 * Checks every row of a grid file and reports every problem with its line; returns cells only
 * when there are none, so an import replaces the grid with the whole file or not at all.
 */
export function validateGridRows(sheet: ParsedSheet, area: CityArea): { cells: GridCell[]; problems: GridProblem[] } {
  const unread = sheetProblem(sheet, ['lat', 'lng', 'under3'], gridColumn);
  if (unread) return { cells: [], problems: [unread] };
  const beyond = sheet.rows[MAX_GRID_CELLS];
  if (beyond) return { cells: [], problems: [{ line: beyond.line, kind: 'too_many', params: { max: MAX_GRID_CELLS } }] };

  const problems: GridProblem[] = [];
  const cells: GridCell[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells: raw } of sheet.rows) {
    const lat = degrees(raw.lat, CHINA.lat);
    const lng = degrees(raw.lng, CHINA.lng);
    const under3 = wholeNumber(raw.under3, 0, MAX_CELL_UNDER3);
    const before = problems.length;
    if (lat === undefined) problems.push({ line, kind: 'lat', params: { value: raw.lat ?? '' } });
    if (lng === undefined) problems.push({ line, kind: 'lng', params: { value: raw.lng ?? '' } });
    if (lat !== undefined && lng !== undefined) {
      if (!inArea(area, lat, lng)) problems.push({ line, kind: 'outside', params: { lat, lng, km: CITY_MARGIN_KM } });
      const other = seen.get(`${lat},${lng}`);
      if (other !== undefined) problems.push({ line, kind: 'duplicate', params: { other } });
      else seen.set(`${lat},${lng}`, line);
    }
    if (under3 === undefined) problems.push({ line, kind: 'under3', params: { value: raw.under3 ?? '', max: MAX_CELL_UNDER3 } });
    if (problems.length === before) cells.push({ lat: lat as number, lng: lng as number, under3: under3 as number });
  }
  return problems.length > 0 ? { cells: [], problems } : { cells, problems };
}

export function describeGridProblem(p: GridProblem, locale: Locale) {
  return { line: p.line, kind: p.kind, message: format(PROBLEMS[p.kind][locale], p.params) };
}
