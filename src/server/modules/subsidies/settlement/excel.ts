import ExcelJS from 'exceljs';
import { fenToYuanString, sumFen } from '../../../../domain/money/fen.ts';
import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import type { SettlementView } from './schemas.ts';

// Exact decimal yuan from fen for a number cell shown with 2 decimals.
const yuan = (fen: number) => Number(fenToYuanString(fen));
const STATUS = { settled: '已结算待支付', paid: '已支付' } as const;
const shanghaiDay = (d: Date | string) => new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

type Redemption = {
  settlement_id: string | null;
  code: string;
  program_id: string;
  amount_fen: number;
  redeemed_at: Date | string;
  statement_month: string;
};

/**
 * 补贴券月度结算表: sheet 1 one row per settlement (what the city owes each institution) with a
 * total summed in fen; sheet 2 every redemption in them, without children's names (officials
 * handle the money, not the families' records).
 */
export async function settlementsWorkbook(
  month: string,
  settlements: SettlementView[],
  creditCodes: Map<string, string | null>,
  redemptions: Redemption[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tuoyu';
  const summary = workbook.addWorksheet(`${month} 结算汇总`, { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '机构名称', key: 'institution', width: 30 },
    { header: '统一社会信用代码', key: 'creditCode', width: 22 },
    { header: '核销月份', key: 'month', width: 10 },
    { header: '核销笔数', key: 'count', width: 10 },
    { header: '结算金额（元）', key: 'amount', width: 16 },
    { header: '状态', key: 'status', width: 14 },
    { header: '结算日期', key: 'settledOn', width: 12 },
    { header: '支付日期', key: 'paidOn', width: 12 },
    { header: '支付凭证号', key: 'reference', width: 20 },
  ];
  summary.getRow(1).font = { bold: true };
  settlements.forEach((s, i) => {
    summary.addRow({
      n: i + 1,
      institution: s.institutionName,
      creditCode: creditCodes.get(s.id) ?? '',
      month: s.month,
      count: s.redemptions,
      amount: yuan(s.totalFen),
      status: STATUS[s.status],
      settledOn: shanghaiDay(s.settledAt),
      paidOn: s.paidAt ? shanghaiDay(s.paidAt) : '',
      reference: s.paymentReference ?? '',
    });
  });
  const total = summary.addRow({
    institution: '合计',
    count: settlements.reduce((n, s) => n + s.redemptions, 0),
    amount: yuan(sumFen(settlements.map((s) => s.totalFen))),
  });
  total.font = { bold: true };
  summary.getColumn('amount').numFmt = '0.00';
  summary.headerFooter.oddHeader = `托育服务消费补贴券 ${month} 结算汇总表`;

  const names = new Map(settlements.map((s) => [s.id, s.institutionName]));
  const programs = new Map(settlements.flatMap((s) => s.lines.map((l) => [l.programId, l.programName] as const)));
  const detail = workbook.addWorksheet('核销明细', { views: [{ state: 'frozen', ySplit: 1 }] });
  detail.columns = [
    { header: '机构名称', key: 'institution', width: 30 },
    { header: '补贴项目', key: 'program', width: 28 },
    { header: '券码', key: 'code', width: 18 },
    { header: '核销日期', key: 'on', width: 12 },
    { header: '收费月份', key: 'statementMonth', width: 10 },
    { header: '金额（元）', key: 'amount', width: 12 },
  ];
  detail.getRow(1).font = { bold: true };
  for (const r of redemptions) {
    detail.addRow({
      institution: names.get(r.settlement_id ?? '') ?? '',
      program: programs.get(r.program_id) ?? '',
      code: formatVoucherCode(r.code),
      on: shanghaiDay(r.redeemed_at),
      statementMonth: r.statement_month,
      amount: yuan(r.amount_fen),
    });
  }
  detail.getColumn('amount').numFmt = '0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
