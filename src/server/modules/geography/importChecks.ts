import { AppError } from '../../platform/errors/AppError.ts';
import type { Locale, Messages } from '../../platform/i18n/locale.ts';
import { type ParsedSheet, readSheetFile } from './sheetFile.ts';

/** An imported file's rows; one that cannot be read has no columns, so its answer names the columns needed. */
export function readImport(file: { data: Buffer; filename: string }, column: (header: string) => string | undefined): Promise<ParsedSheet> {
  return readSheetFile(file.data, file.filename, column).catch(() => ({ columns: [], rows: [] }));
}

/** A reader of headers by a table of aliases, in any case (lat, LAT, 纬度). */
export function columnsByAlias<K extends string>(aliases: Record<string, K>): (header: string) => K | undefined {
  return (header) => aliases[header.trim().toLowerCase()] ?? aliases[header.trim()];
}

/** What is wrong with a file before its rows are read: a required column missing, or no data row. */
export function sheetProblem<K extends string>(
  sheet: ParsedSheet,
  required: readonly K[],
  column: (header: string) => K | undefined,
): { line: number; kind: 'header' | 'empty'; params: Record<string, unknown> } | undefined {
  const present = new Set(sheet.columns.map(column).filter(Boolean));
  const missing = required.filter((c) => !present.has(c));
  if (missing.length > 0) return { line: 1, kind: 'header', params: { columns: missing.join(', ') } };
  if (sheet.rows.length === 0) return { line: 2, kind: 'empty', params: {} };
  return undefined;
}

export const EMPTY_FILE = { 'zh-CN': '文件中没有数据行', en: 'The file has no data rows' } as const satisfies Messages;

/** Every problem of an import at once, each with its line, in the caller's language; nothing is written. */
export function rejectImport<P>(problems: readonly P[], describe: (p: P, locale: Locale) => unknown, locale: Locale) {
  if (problems.length === 0) return;
  throw new AppError(
    'IMPORT_REJECTED',
    { count: problems.length },
    problems.map((p) => describe(p, locale)),
  );
}

/** How a row imported from a file names its source. */
export const importSource = (filename: string) => `import:${filename.slice(0, 100)}`;
