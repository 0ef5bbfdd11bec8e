import ExcelJS from 'exceljs';
import { auditActionLabel } from '../../../domain/audit/actions.ts';
import { toShanghaiMinute } from '../../../domain/dates/shanghai.ts';
import { guardCell } from '../files/spreadsheet.ts';
import type { AuditItem } from './entries.ts';

const COLUMNS: { header: string; width: number; value: (e: AuditItem) => unknown }[] = [
  { header: '序号 Id', width: 10, value: (e) => e.id },
  { header: '时间 Time (Asia/Shanghai)', width: 18, value: (e) => toShanghaiMinute(new Date(e.at)) },
  { header: '精确时间 Instant (UTC)', width: 26, value: (e) => e.at },
  { header: '操作 Action', width: 22, value: (e) => auditActionLabel(e.action, 'zh-CN') },
  { header: '操作代码 Action code', width: 26, value: (e) => e.action },
  { header: '对象 Entity', width: 18, value: (e) => e.entityType },
  { header: '对象编号 Entity id', width: 38, value: (e) => e.entityId },
  { header: '操作人 Actor', width: 14, value: (e) => e.actorName },
  { header: '角色 Role', width: 16, value: (e) => e.actorRole },
  { header: 'IP', width: 16, value: (e) => e.ip },
  { header: '链序号 Chain seq', width: 12, value: (e) => e.seq },
  { header: '哈希 Hash', width: 66, value: (e) => e.hash },
  { header: '详情 Detail', width: 60, value: (e) => JSON.stringify(e.detail) },
];

/** The entries as one sheet, newest first; text that a spreadsheet could run is written as text. */
export async function auditWorkbook(entries: AuditItem[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('审计日志 Audit log', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const entry of entries) sheet.addRow(COLUMNS.map((c) => guardCell(c.value(entry) ?? '')));
  return Buffer.from(await book.xlsx.writeBuffer());
}
