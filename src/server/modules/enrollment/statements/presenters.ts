import { sumFen } from '../../../../domain/money/fen.ts';
import { applyDeductions } from './calc.ts';
import type { DeductionRow, LineRow, StatementRow } from './queries.ts';
import type { StatementView } from './schemas.ts';

type ClassTypeName = StatementView['classType'];

// Names sort by pinyin, as a Chinese list reads; the database's collation may be bytewise.
const zh = new Intl.Collator('zh-CN');

/** Rows → statements with their lines, live deductions and the total due, in pinyin order within a month. */
export function presentStatements(rows: StatementRow[], lines: LineRow[], deductions: DeductionRow[]): StatementView[] {
  const ordered = [...rows].sort(
    (a, b) => b.month.localeCompare(a.month) || zh.compare(a.class_name, b.class_name) || zh.compare(a.child_name, b.child_name),
  );
  return ordered.map((r) => {
    const own = deductions.filter((d) => d.statement_id === r.id);
    const applied = applyDeductions(
      r.subtotal_fen,
      own.map((d) => d.amount_fen),
    );
    const deductionsFen = sumFen(applied);
    return {
      id: r.id,
      childId: r.child_id,
      childName: r.child_name,
      institutionId: r.institution_id,
      institutionName: r.institution_name,
      month: r.month,
      classId: r.class_id,
      className: r.class_name,
      classType: r.class_type as ClassTypeName,
      monthlyFeeFen: r.monthly_fee_fen,
      serviceDays: r.service_days,
      chargedDays: r.charged_days,
      absentDays: r.absent_days,
      absenceRule: { refundAfterDays: r.refund_after_days, refundPercent: r.refund_percent },
      lines: lines
        .filter((l) => l.statement_id === r.id)
        .map((l) => ({
          kind: l.kind as StatementView['lines'][number]['kind'],
          classType: l.class_type as ClassTypeName | null,
          days: l.days,
          amountFen: l.amount_fen,
        })),
      subtotalFen: r.subtotal_fen,
      deductions: own.map((d, i) => ({
        id: d.id,
        kind: d.kind as 'voucher' | 'other',
        reference: d.reference,
        amountFen: d.amount_fen,
        appliedFen: applied[i] ?? 0,
        createdAt: new Date(d.created_at).toISOString(),
      })),
      deductionsFen,
      totalDueFen: r.subtotal_fen - deductionsFen,
      generatedAt: new Date(r.generated_at).toISOString(),
    };
  });
}
