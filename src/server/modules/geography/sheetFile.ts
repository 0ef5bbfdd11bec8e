import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** One row of an imported file as read: the line it came from and its cells by canonical column name. */
export type RawRow = { line: number; cells: Record<string, unknown> };

export type ParsedSheet = { columns: string[]; rows: RawRow[] };

/**
 * Reads an imported file (.csv or .xlsx: the first sheet) into rows keyed by the canonical name
 * `canonicalColumn` gives each header; columns it does not know are left out.
 */
export async function readSheetFile(
  data: Buffer,
  filename: string,
  canonicalColumn: (header: string) => string | undefined,
): Promise<ParsedSheet> {
  const workbook = new ExcelJS.Workbook();
  const isXlsx = filename.toLowerCase().endsWith('.xlsx') || data.subarray(0, 2).toString('latin1') === 'PK';
  const sheet = isXlsx
    ? (await workbook.xlsx.load(data as unknown as ArrayBuffer)).worksheets[0]
    : await workbook.csv.read(Readable.from([stripBom(data).toString('utf8')]));
  if (!sheet) return { columns: [], rows: [] };
  const columns: string[] = [];
  const rows: RawRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const values = (row.values as unknown[]).slice(1).map(cellText);
    if (line === 1) {
      columns.push(...values.map((v) => String(v ?? '')));
      return;
    }
    if (values.every((v) => v === '' || v === undefined || v === null)) return;
    const cells: Record<string, unknown> = {};
    columns.forEach((name, i) => {
      const key = canonicalColumn(name);
      if (key) cells[key] = values[i];
    });
    rows.push({ line, cells });
  });
  return { columns, rows };
}

function stripBom(data: Buffer) {
  return data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf ? data.subarray(3) : data;
}

/** Excel cells can be rich text, formulas or numbers; the validator wants their plain text. */
function cellText(v: unknown): unknown {
  if (v && typeof v === 'object') {
    if ('result' in v) return (v as { result: unknown }).result;
    if ('richText' in v) return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
    if ('text' in v) return (v as { text: unknown }).text;
  }
  return v;
}
