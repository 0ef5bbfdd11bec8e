import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeStatement, NO_REFUND, serviceDaysIn } from './feeStatement.ts';

describe('fee statements', () => {
  it('counts weekdays as service days (November 2026 has 21)', () => {
    expect(serviceDaysIn('2026-11')).toHaveLength(21);
    expect(serviceDaysIn('2026-11', '2026-11-16')).toHaveLength(11);
    expect(serviceDaysIn('2026-11', '2026-12-01')).toHaveLength(0);
  });

  it('charges the full fee for a full month without refunds', () => {
    const s = computeStatement({ month: '2026-11', monthlyFeeFen: 180_000, enrolledFrom: '2026-09-01', absentDays: 3, rule: NO_REFUND });
    expect(s).toEqual({ serviceDays: 21, chargedDays: 21, lines: [{ kind: 'fee', amountFen: 180_000 }], totalFen: 180_000 });
  });

  it('prorates a child who started mid-month by service days, in whole fen', () => {
    const s = computeStatement({ month: '2026-11', monthlyFeeFen: 180_000, enrolledFrom: '2026-11-16', absentDays: 0, rule: NO_REFUND });
    // 10 of 21 service days not charged: 180000 × 10 / 21 = 85714.28… → 85714
    expect(s.lines[1]).toEqual({ kind: 'proration', days: 10, amountFen: -85_714 });
    expect(s.totalFen).toBe(94_286);
  });

  it('refunds absent days beyond the free days at the stated share', () => {
    const s = computeStatement({
      month: '2026-11',
      monthlyFeeFen: 210_000,
      enrolledFrom: '2026-01-01',
      absentDays: 8,
      rule: { refundAfterDays: 3, refundPercent: 50 },
    });
    // 5 days × 10000 fen a day × 50% = 25000
    expect(s.lines[1]).toEqual({ kind: 'absence_refund', days: 5, amountFen: -25_000 });
    expect(s.totalFen).toBe(185_000);
  });

  it('applies deductions down to zero and never below', () => {
    const s = computeStatement({
      month: '2026-11',
      monthlyFeeFen: 100_000,
      enrolledFrom: '2026-01-01',
      absentDays: 0,
      rule: NO_REFUND,
      deductionsFen: [60_000, 60_000],
    });
    expect(s.lines.slice(1)).toEqual([
      { kind: 'deduction', amountFen: -60_000 },
      { kind: 'deduction', amountFen: -40_000 },
    ]);
    expect(s.totalFen).toBe(0);
  });

  it('always adds up in integer fen and never goes negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 1, max: 30 }),
        fc.nat(25),
        fc.nat(10),
        fc.integer({ min: 0, max: 100 }),
        fc.array(fc.nat(500_000), { maxLength: 3 }),
        (fee, startDay, absent, free, pct, deductions) => {
          const s = computeStatement({
            month: '2026-11',
            monthlyFeeFen: fee,
            enrolledFrom: `2026-11-${String(startDay).padStart(2, '0')}`,
            absentDays: absent,
            rule: { refundAfterDays: free, refundPercent: pct },
            deductionsFen: deductions,
          });
          for (const l of s.lines) expect(Number.isInteger(l.amountFen)).toBe(true);
          expect(s.lines.reduce((a, l) => a + l.amountFen, 0)).toBe(s.totalFen);
          expect(s.totalFen).toBeGreaterThanOrEqual(0);
          expect(s.totalFen).toBeLessThanOrEqual(fee);
        },
      ),
    );
  });
});
