import type { Transaction } from 'kysely';
import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import { monthRange } from '../../../../domain/dates/shanghai.ts';
import type { DB } from '../../../db/schema.ts';
import { calculateStatement, type Segment } from './calc.ts';
import * as q from './queries.ts';
import type { GenerateResult } from './schemas.ts';

export type WriteResult = Omit<GenerateResult, 'statements' | 'month'> & {
  /** Statements of the month now in place: written and locked ones. */
  ids: string[];
  written: { id: string; child_id: string }[];
};

export function feeOf(rule: q.FeeRuleRow, classType: ClassType): number | null {
  const fees = {
    infant: rule.fee_infant_fen,
    toddler: rule.fee_toddler_fen,
    older_toddler: rule.fee_older_toddler_fen,
    mixed: rule.fee_mixed_fen,
  };
  return fees[classType];
}

type Line = { childId: string; kind: string; class_type: string; days: number | null; amount_fen: number };

/**
 * Writes the month's statement of every child enrolled at the institution during the month, in
 * the caller's transaction (the director's request, or the demo seed). Idempotent per child and
 * month: lines are replaced with fresh figures, except on statements a deduction (voucher) has
 * been made against, which are locked first and left as they are.
 */
export async function writeStatements(
  trx: Transaction<DB>,
  rule: q.FeeRuleRow,
  month: string,
  by: { at: Date; userId: string | null },
): Promise<WriteResult> {
  const institutionId = rule.id;
  const { first, last } = monthRange(month);
  const existing = new Map((await q.lockStatementsOfMonth(trx, institutionId, month)).map((s) => [s.child_id, s]));
  const [enrollments, absences] = await Promise.all([
    q.findEnrollmentsInMonth(trx, institutionId, first, last),
    q.findAbsentDays(trx, institutionId, first, last),
  ]);
  const byChild = new Map<string, typeof enrollments>();
  for (const e of enrollments) byChild.set(e.child_id, [...(byChild.get(e.child_id) ?? []), e]);
  const absentOf = new Map<string, string[]>();
  for (const a of absences) absentOf.set(a.child_id, [...(absentOf.get(a.child_id) ?? []), a.day]);

  const out: WriteResult = { created: 0, replaced: 0, locked: [], skipped: [], ids: [], written: [] };
  const rows = [];
  const lines: Line[] = [];
  for (const [childId, list] of byChild) {
    const childName = list[0]?.child_name ?? '';
    const current = existing.get(childId);
    if (current && Number(current.deductions) > 0) {
      out.locked.push({ statementId: current.id, childId, childName });
      out.ids.push(current.id);
      continue;
    }
    const missing = list.find((e) => feeOf(rule, e.class_type as ClassType) === null);
    if (missing) {
      out.skipped.push({ childId, childName, classType: missing.class_type as ClassType, reason: 'fee_missing' });
      continue;
    }
    const segments: Segment[] = list.map((e) => ({
      classType: e.class_type as ClassType,
      monthlyFeeFen: feeOf(rule, e.class_type as ClassType) as number,
      from: e.start_date,
      to: e.end_date,
      absentDates: absentOf.get(childId) ?? [],
    }));
    const calc = calculateStatement(month, segments, { refundAfterDays: rule.refund_after_days, refundPercent: rule.refund_percent });
    const latest = segments[segments.length - 1] as Segment;
    if (current) out.replaced += 1;
    else out.created += 1;
    rows.push({
      child_id: childId,
      institution_id: institutionId,
      month,
      class_id: (list[list.length - 1] as (typeof list)[number]).class_id,
      class_type: latest.classType,
      monthly_fee_fen: latest.monthlyFeeFen,
      service_days: calc.serviceDays,
      charged_days: calc.chargedDays,
      absent_days: calc.absentDays,
      refund_after_days: rule.refund_after_days,
      refund_percent: rule.refund_percent,
      subtotal_fen: calc.subtotalFen,
      generated_at: by.at,
      generated_by: by.userId,
    });
    for (const l of calc.lines) lines.push({ childId, kind: l.kind, class_type: l.classType, days: l.days, amount_fen: l.amountFen });
  }
  if (rows.length === 0) return out;

  out.written = await q.upsertStatements(trx, rows);
  const idOf = new Map(out.written.map((w) => [w.child_id, w.id]));
  const position = new Map<string, number>();
  await q.replaceLines(
    trx,
    out.written.map((w) => w.id),
    lines.map(({ childId, ...l }) => {
      const p = (position.get(childId) ?? 0) + 1;
      position.set(childId, p);
      return { statement_id: idOf.get(childId) as string, position: p, ...l };
    }),
  );
  out.ids.push(...out.written.map((w) => w.id));
  return out;
}
