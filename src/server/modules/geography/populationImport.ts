import type { Locale, Messages } from '../../platform/i18n/locale.ts';
import { format } from '../../platform/i18n/locale.ts';
import { columnsByAlias, EMPTY_FILE, sheetProblem } from './importChecks.ts';
import type { ParsedSheet } from './sheetFile.ts';

export type PopulationRecord = { code: string; year: number; total: number; under3: number };

const PROBLEMS = {
  header: {
    'zh-CN': '缺少列：{columns}（需要 code、year、total、under3，或 区划代码、年份、常住人口、3岁以下人口）',
    en: 'Missing columns: {columns} (need code, year, total, under3)',
  },
  empty: EMPTY_FILE,
  code: {
    'zh-CN': '区划代码“{value}”不存在或在{year}年不在用',
    en: 'Division code "{value}" does not exist or was not in force in {year}',
  },
  year: { 'zh-CN': '年份“{value}”应为1949至2200之间的整数', en: 'Year "{value}" must be a whole number from 1949 to 2200' },
  total: { 'zh-CN': '常住人口“{value}”应为非负整数', en: 'Population "{value}" must be a whole number, 0 or more' },
  under3: { 'zh-CN': '3岁以下人口“{value}”应为非负整数', en: 'Under-3 population "{value}" must be a whole number, 0 or more' },
  under3_exceeds: {
    'zh-CN': '3岁以下人口（{under3}）大于常住人口（{total}）',
    en: 'Under-3 population ({under3}) exceeds the total ({total})',
  },
  duplicate: { 'zh-CN': '与第{other}行重复（同一区划同一年份）', en: 'Duplicates line {other} (same division and year)' },
} as const satisfies Record<string, Messages>;

export type ProblemKind = keyof typeof PROBLEMS;
export type Problem = { line: number; kind: ProblemKind; params: Record<string, unknown> };

const ALIASES: Record<string, keyof PopulationRecord> = {
  code: 'code',
  区划代码: 'code',
  year: 'year',
  年份: 'year',
  total: 'total',
  population: 'total',
  常住人口: 'total',
  under3: 'under3',
  '3岁以下人口': 'under3',
};

export const canonicalColumn = columnsByAlias(ALIASES);

export function wholeNumber(value: unknown, min: number, max: number): number | undefined {
  const text = String(value ?? '')
    .trim()
    .replaceAll(',', '');
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Checks every row and reports every problem with its line; returns records only when there
 * are none, so an import either writes the whole file or nothing.
 */
export function validatePopulationRows(
  sheet: ParsedSheet,
  isKnownCode: (code: string, year: number) => boolean,
): { records: PopulationRecord[]; problems: Problem[] } {
  const unread = sheetProblem(sheet, ['code', 'year', 'total', 'under3'], canonicalColumn);
  if (unread) return { records: [], problems: [unread] };

  const problems: Problem[] = [];
  const records: PopulationRecord[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of sheet.rows) {
    const code = String(cells.code ?? '').trim();
    const year = wholeNumber(cells.year, 1949, 2200);
    const total = wholeNumber(cells.total, 0, 2_000_000_000);
    const under3 = wholeNumber(cells.under3, 0, 2_000_000_000);
    const before = problems.length;
    if (year === undefined) problems.push({ line, kind: 'year', params: { value: cells.year ?? '' } });
    else if (!isKnownCode(code, year)) problems.push({ line, kind: 'code', params: { value: code, year } });
    if (total === undefined) problems.push({ line, kind: 'total', params: { value: cells.total ?? '' } });
    if (under3 === undefined) problems.push({ line, kind: 'under3', params: { value: cells.under3 ?? '' } });
    if (total !== undefined && under3 !== undefined && under3 > total)
      problems.push({ line, kind: 'under3_exceeds', params: { total, under3 } });
    if (year !== undefined) {
      const key = `${code}/${year}`;
      const other = seen.get(key);
      if (other !== undefined) problems.push({ line, kind: 'duplicate', params: { other } });
      else seen.set(key, line);
    }
    if (problems.length === before) records.push({ code, year: year as number, total: total as number, under3: under3 as number });
  }
  return problems.length > 0 ? { records: [], problems } : { records, problems };
}

export function describeProblem(p: Problem, locale: Locale) {
  return { line: p.line, kind: p.kind, message: format(PROBLEMS[p.kind][locale], p.params) };
}
