import { compareIso, type IsoMonth, monthRange, weekdayIso } from '../dates/shanghai.ts';

/**
 * How an institution treats absences (it states this in its fee rules): absent days beyond a
 * number of free days in the month are refunded at a share of the daily rate.
 */
export type AbsenceRule = { refundAfterDays: number; refundPercent: number };
export const NO_REFUND: AbsenceRule = { refundAfterDays: 0, refundPercent: 0 };

export type StatementInput = {
  month: IsoMonth;
  monthlyFeeFen: number;
  /** The enrollment's first and (if ended) last day; days outside are not charged. */
  enrolledFrom: string;
  enrolledTo?: string | null;
  /** Service days the child was absent (sick, leave, other). */
  absentDays: number;
  rule: AbsenceRule;
  /** Deductions already made against this statement (voucher redemptions), each in fen. */
  deductionsFen?: number[];
};

export type StatementLine = { kind: 'fee' | 'proration' | 'absence_refund' | 'deduction'; amountFen: number; days?: number };

export type Statement = { serviceDays: number; chargedDays: number; lines: StatementLine[]; totalFen: number };

/** Weekdays of the month: the days a full-day institution provides care. */
export function serviceDaysIn(month: IsoMonth, from?: string, to?: string | null): string[] {
  const { first, last } = monthRange(month);
  const start = from && compareIso(from, first) > 0 ? from : first;
  const end = to && compareIso(to, last) < 0 ? to : last;
  if (compareIso(start, end) > 0) return [];
  // start and end lie in one month: walk its day numbers (this runs for every child and month).
  const firstWeekday = weekdayIso(start);
  const startDay = Number(start.slice(8));
  const days: string[] = [];
  for (let day = startDay; day <= Number(end.slice(8)); day++) {
    if (((firstWeekday - 1 + day - startDay) % 7) + 1 <= 5) days.push(`${month}-${String(day).padStart(2, '0')}`);
  }
  return days;
}

/** Integer division rounded half up, for non-negative operands: fen never become fractions. */
function divRound(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * A child's monthly fee statement in integer fen: the month's fee, less the days before the
 * child started or after they left, less refunded absences, less deductions (vouchers).
 */
export function computeStatement(input: StatementInput): Statement {
  const serviceDays = serviceDaysIn(input.month).length;
  const chargedDays = serviceDaysIn(input.month, input.enrolledFrom, input.enrolledTo).length;
  const lines: StatementLine[] = [{ kind: 'fee', amountFen: input.monthlyFeeFen }];
  if (chargedDays < serviceDays) {
    const notCharged = serviceDays - chargedDays;
    lines.push({ kind: 'proration', days: notCharged, amountFen: -divRound(input.monthlyFeeFen * notCharged, serviceDays) });
  }
  const refundDays = Math.max(0, Math.min(input.absentDays, chargedDays) - input.rule.refundAfterDays);
  if (refundDays > 0 && input.rule.refundPercent > 0) {
    const refund = divRound(input.monthlyFeeFen * refundDays * input.rule.refundPercent, serviceDays * 100);
    lines.push({ kind: 'absence_refund', days: refundDays, amountFen: -refund });
  }
  const beforeDeductions = lines.reduce((s, l) => s + l.amountFen, 0);
  let remaining = beforeDeductions;
  for (const d of input.deductionsFen ?? []) {
    // A deduction can bring the amount due to zero, never below it.
    const applied = Math.min(d, remaining);
    lines.push({ kind: 'deduction', amountFen: -applied });
    remaining -= applied;
  }
  return { serviceDays, chargedDays, lines, totalFen: remaining };
}
