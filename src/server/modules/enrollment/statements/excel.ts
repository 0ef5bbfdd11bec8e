import ExcelJS from 'exceljs';
import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { fenToYuanString, sumFen } from '../../../../domain/money/fen.ts';
import type { StatementView } from './schemas.ts';

const CLASS_TYPE_NAMES: Record<ClassType, string> = { infant: '乳儿班', toddler: '托小班', older_toddler: '托大班', mixed: '混龄班' };

/** Money columns: each a sum of the statement's lines of some kinds, in fen. */
const MONEY = {
  fee: (s: StatementView) => sumOf(s, 'fee'),
  proration: (s: StatementView) => sumOf(s, 'proration'),
  refund: (s: StatementView) => sumOf(s, 'absence_refund'),
  subtotal: (s: StatementView) => s.subtotalFen,
  deductions: (s: StatementView) => -s.deductionsFen,
  due: (s: StatementView) => s.totalDueFen,
};

function sumOf(s: StatementView, kind: StatementView['lines'][number]['kind']) {
  return sumFen(s.lines.filter((l) => l.kind === kind).map((l) => l.amountFen));
}

const COLUMNS: { header: string; key: string; width: number }[] = [
  { header: '序号', key: 'n', width: 6 },
  { header: '幼儿姓名', key: 'child', width: 12 },
  { header: '班级', key: 'className', width: 14 },
  { header: '班型', key: 'classType', width: 8 },
  { header: '服务天数', key: 'serviceDays', width: 10 },
  { header: '计费天数', key: 'chargedDays', width: 10 },
  { header: '缺勤天数', key: 'absentDays', width: 10 },
  { header: '月费（元）', key: 'fee', width: 12 },
  { header: '未在托减免（元）', key: 'proration', width: 16 },
  { header: '缺勤退费（元）', key: 'refund', width: 14 },
  { header: '应收小计（元）', key: 'subtotal', width: 14 },
  { header: '补贴抵扣（元）', key: 'deductions', width: 14 },
  { header: '应缴金额（元）', key: 'due', width: 14 },
];

/**
 * Yuan for a spreadsheet cell: the exact decimal of the fen amount, shown with 2 decimals.
 * Adjustments are negative so every row adds up: fee + proration + refund + deductions = due.
 */
const yuan = (fen: number) => Number(fenToYuanString(fen));

/** All statements of a month as one sheet, with a total row summed in fen. */
export async function statementsWorkbook(institutionName: string, month: string, statements: StatementView[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tuoyu';
  const sheet = workbook.addWorksheet(`${month} 收费明细`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  statements.forEach((s, i) => {
    sheet.addRow({
      n: i + 1,
      child: s.childName,
      className: s.className,
      classType: CLASS_TYPE_NAMES[s.classType],
      serviceDays: s.serviceDays,
      chargedDays: s.chargedDays,
      absentDays: s.absentDays,
      ...Object.fromEntries(Object.entries(MONEY).map(([key, f]) => [key, yuan(f(s))])),
    });
  });
  const total = sheet.addRow({
    child: '合计',
    ...Object.fromEntries(Object.entries(MONEY).map(([key, f]) => [key, yuan(sumFen(statements.map(f)))])),
  });
  total.font = { bold: true };
  for (const key of Object.keys(MONEY)) sheet.getColumn(key).numFmt = '0.00';
  sheet.headerFooter.oddHeader = `${institutionName} ${month} 托育费用明细`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
