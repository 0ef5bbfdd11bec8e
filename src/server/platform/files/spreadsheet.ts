/** The media type of an Excel workbook (.xlsx). */
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

// What a spreadsheet program may take for the start of a formula (CSV/formula injection).
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text a spreadsheet could run is written with a leading apostrophe and as text, never as a formula. */
export function guardCell(value: unknown): unknown {
  if (typeof value === 'string' && FORMULA_START.test(value)) return `'${value}`;
  return value;
}
