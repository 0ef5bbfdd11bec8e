import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  childcareSubsidyByYear,
  childcareSubsidyMonths,
  DEFAULT_TAX_DEDUCTION_RATES,
  monthsUnderThree,
  rateIn,
  yearlyDeduction,
} from './familyRules.ts';

describe('months under three', () => {
  test('from the birth month to the month before the third birthday', () => {
    expect(monthsUnderThree('2023-09-01')).toEqual({ first: '2023-09', last: '2026-08' });
    expect(monthsUnderThree('2024-02-29')).toEqual({ first: '2024-02', last: '2027-01' });
    expect(monthsUnderThree('2025-01-31')).toEqual({ first: '2025-01', last: '2027-12' });
  });
});

describe('tax special deduction for care of children under 3', () => {
  test('1,000 yuan a month in 2022, 2,000 from 2023, nothing before 2022', () => {
    expect(rateIn(DEFAULT_TAX_DEDUCTION_RATES, '2021-12')).toBe(0);
    expect(rateIn(DEFAULT_TAX_DEDUCTION_RATES, '2022-06')).toBe(100_000);
    expect(rateIn(DEFAULT_TAX_DEDUCTION_RATES, '2023-01')).toBe(200_000);
  });

  test('a child born in May 2023: eight months in 2023 (May–December), all of 2024 and 2025, four in 2026', () => {
    expect(yearlyDeduction('2023-05-10', 2023, 100)).toMatchObject({ totalFen: 1_600_000 });
    expect(yearlyDeduction('2023-05-10', 2023, 100).months[0]).toEqual({ month: '2023-05', standardFen: 200_000, deductibleFen: 200_000 });
    expect(yearlyDeduction('2023-05-10', 2024, 50).totalFen).toBe(1_200_000);
    expect(yearlyDeduction('2023-05-10', 2026, 100).months.map((m) => m.month)).toEqual(['2026-01', '2026-02', '2026-03', '2026-04']);
    expect(yearlyDeduction('2023-05-10', 2027, 100)).toEqual({ months: [], totalFen: 0 });
  });

  test('a child born in 2020 counts only from 2022, at 1,000 yuan', () => {
    expect(yearlyDeduction('2020-06-15', 2022, 100)).toMatchObject({ totalFen: 100_000 * 12 });
    expect(yearlyDeduction('2020-06-15', 2023, 100).months.map((m) => m.month)).toEqual([
      '2023-01',
      '2023-02',
      '2023-03',
      '2023-04',
      '2023-05',
    ]);
    expect(yearlyDeduction('2020-06-15', 2021, 100).totalFen).toBe(0);
  });

  test('two parents at 50% together deduct exactly what one parent at 100% would', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2018, max: 2030 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 2021, max: 2034 }),
        (y, m, d, year) => {
          const birth = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          expect(yearlyDeduction(birth, year, 50).totalFen * 2).toBe(yearlyDeduction(birth, year, 100).totalFen);
        },
      ),
    );
  });
});

describe('national childcare subsidy', () => {
  test('a child born in 2025 or later gets 36 months, 3,600 yuan a year', () => {
    const months = childcareSubsidyMonths('2025-03-15');
    expect(months).toHaveLength(36);
    expect(months.reduce((s, m) => s + m.amountFen, 0)).toBe(1_080_000);
    expect(childcareSubsidyByYear('2025-03-15').map((y) => [y.year, y.months.length, y.amountFen])).toEqual([
      [2025, 10, 300_000],
      [2026, 12, 360_000],
      [2027, 12, 360_000],
      [2028, 2, 60_000],
    ]);
  });

  test('a child born in October 2022 gets January–September 2025: 9 months, 2,700 yuan', () => {
    expect(childcareSubsidyByYear('2022-10-08')).toEqual([{ year: 2025, months: expect.any(Array), amountFen: 270_000 }]);
    expect(
      childcareSubsidyMonths('2022-10-08')
        .map((m) => m.month)
        .at(-1),
    ).toBe('2025-09');
  });

  test('a child who turned 3 before 2025 gets nothing', () => {
    expect(childcareSubsidyMonths('2021-12-31')).toEqual([]);
  });

  test('a yearly amount that does not divide by 12 still adds up over a whole year', () => {
    const policy = { fromMonth: '2025-01', yearlyFen: 100_001 };
    const y2026 = childcareSubsidyByYear('2025-01-10', policy).find((y) => y.year === 2026);
    expect(y2026?.amountFen).toBe(100_001);
  });
});
