import ExcelJS from 'exceljs';
import { fenToYuanString } from '../../../../domain/money/fen.ts';
import type { TaxDeductionStatement } from './schemas.ts';

const yuan = (fen: number) => Number(fenToYuanString(fen));

/** 3岁以下婴幼儿照护专项附加扣除年度明细: one row per child and month, for the parent's tax return. */
export async function taxStatementWorkbook(s: TaxDeductionStatement): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tuoyu';
  const sheet = workbook.addWorksheet(`${s.year}年度扣除明细`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '幼儿姓名', key: 'child', width: 12 },
    { header: '出生日期', key: 'birth', width: 12 },
    { header: '月份', key: 'month', width: 10 },
    { header: '扣除标准（元/月）', key: 'standard', width: 18 },
    { header: '本人扣除比例', key: 'share', width: 14 },
    { header: '本人扣除金额（元）', key: 'amount', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const c of s.children) {
    for (const m of c.months) {
      sheet.addRow({
        child: c.childName,
        birth: c.birthDate,
        month: m.month,
        standard: yuan(m.standardFen),
        share: `${c.sharePercent}%`,
        amount: yuan(m.deductibleFen),
      });
    }
  }
  const total = sheet.addRow({ child: '合计', amount: yuan(s.totalFen) });
  total.font = { bold: true };
  for (const key of ['standard', 'amount']) sheet.getColumn(key).numFmt = '0.00';
  sheet.headerFooter.oddHeader = `${s.guardianName} ${s.year}年度 3岁以下婴幼儿照护专项附加扣除明细`;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
