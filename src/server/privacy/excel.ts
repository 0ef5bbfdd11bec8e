import ExcelJS from 'exceljs';
import { guardCell } from '../platform/files/spreadsheet.ts';
import type { PersonalDataExport } from './export.ts';
import { COLUMNS, SHEETS } from './labels.ts';

/** The export as a readable workbook: one sheet per kind of record, headings in zh-CN and en. */
export async function personalDataWorkbook(data: PersonalDataExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tuoyu';
  for (const section of data.sections) {
    const sheet = workbook.addWorksheet(SHEETS[section.kind] ?? section.kind.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    const keys = [...new Set(section.rows.flatMap((row) => Object.keys(row)))];
    sheet.columns = keys.map((key) => ({ header: COLUMNS[key] ?? key, key, width: Math.max(12, (COLUMNS[key] ?? key).length + 2) }));
    sheet.getRow(1).font = { bold: true };
    for (const row of section.rows) {
      const added = sheet.addRow(Object.fromEntries(keys.map((key) => [key, guardCell(row[key] ?? null)])));
      added.eachCell((cell) => {
        if (typeof cell.value === 'string') cell.numFmt = '@';
      });
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
