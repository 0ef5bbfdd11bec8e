import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { IsoMonth } from '../../../../domain/dates/shanghai.ts';
import { type AbsenceRule, computeStatement, serviceDaysIn } from '../../../../domain/enrollment/feeStatement.ts';
import { sumFen } from '../../../../domain/money/fen.ts';

/** One enrollment's stretch of the month, at its class's fee. */
export type Segment = { classType: ClassType; monthlyFeeFen: number; from: string; to: string | null; absentDates: string[] };

export type CalcLine = { kind: 'fee' | 'proration' | 'absence_refund'; classType: ClassType; days: number | null; amountFen: number };

export type Calculation = { serviceDays: number; chargedDays: number; absentDays: number; lines: CalcLine[]; subtotalFen: number };

/**
 * The month's lines for a child over one or more enrollments at one institution (a child who left
 * and came back within the month has two). Each stretch is `computeStatement` at its own fee;
 * the institution's free absent days count once per month, so a later stretch gets only the
 * free days the earlier ones left unused.
 */
export function calculateStatement(month: IsoMonth, segments: Segment[], rule: AbsenceRule): Calculation {
  const ordered = [...segments].sort((a, b) => a.from.localeCompare(b.from));
  let serviceDays = serviceDaysIn(month).length;
  let chargedDays = 0;
  let absentSoFar = 0;
  const lines: CalcLine[] = [];
  for (const seg of ordered) {
    const days = new Set(serviceDaysIn(month, seg.from, seg.to));
    const absentDays = seg.absentDates.filter((d) => days.has(d)).length;
    const s = computeStatement({
      month,
      monthlyFeeFen: seg.monthlyFeeFen,
      enrolledFrom: seg.from,
      enrolledTo: seg.to,
      absentDays,
      rule: { refundAfterDays: Math.max(0, rule.refundAfterDays - absentSoFar), refundPercent: rule.refundPercent },
    });
    serviceDays = s.serviceDays;
    chargedDays += s.chargedDays;
    absentSoFar += Math.min(absentDays, s.chargedDays);
    for (const l of s.lines) {
      if (l.kind === 'deduction') continue;
      lines.push({ kind: l.kind, classType: seg.classType, days: l.days ?? null, amountFen: l.amountFen });
    }
  }
  return { serviceDays, chargedDays, absentDays: absentSoFar, lines, subtotalFen: sumFen(lines.map((l) => l.amountFen)) };
}

/**
 * How much of each deduction applies, in order: a deduction can bring the amount due to zero,
 * never below it (the rule of `computeStatement`).
 */
export function applyDeductions(subtotalFen: number, deductionsFen: number[]): number[] {
  let remaining = subtotalFen;
  return deductionsFen.map((d) => {
    const applied = Math.min(d, remaining);
    remaining -= applied;
    return applied;
  });
}
