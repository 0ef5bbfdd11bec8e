import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ageInMonths, ageUpDate, turnsThreeOn } from './childAge.ts';
import { addMonthsIso, compareIso, toShanghaiDate } from './shanghai.ts';

const isoDate = (min: string, max: string) =>
  fc
    .date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

describe('ageInMonths', () => {
  test.each([
    ['2024-01-31', '2024-02-29', 1],
    ['2024-01-31', '2024-02-28', 0],
    ['2023-01-31', '2023-02-28', 1],
    ['2024-01-31', '2024-03-30', 1],
    ['2024-01-31', '2024-03-31', 2],
    ['2024-01-15', '2024-01-15', 0],
    ['2024-01-15', '2024-07-14', 5],
    ['2024-01-15', '2024-07-15', 6],
    ['2023-09-01', '2026-08-31', 35],
    ['2023-09-01', '2026-09-01', 36],
    ['2024-02-29', '2025-02-28', 12],
    ['2024-02-29', '2028-02-28', 47],
    ['2024-02-29', '2028-02-29', 48],
    ['2024-12-31', '2025-01-01', 0],
  ] as const)('born %s, on %s: %i months', (birth, on, months) => {
    expect(ageInMonths(birth, on)).toBe(months);
  });

  test('throws for a date before birth or an invalid date', () => {
    expect(() => ageInMonths('2024-01-15', '2024-01-14')).toThrow(RangeError);
    expect(() => ageInMonths('2024-02-30', '2024-03-01')).toThrow(RangeError);
  });

  test('is N exactly from ageUpDate(N) until the day before ageUpDate(N + 1)', () => {
    fc.assert(
      fc.property(isoDate('2015-01-01', '2030-12-31'), isoDate('2015-01-01', '2034-12-31'), (birth, on) => {
        fc.pre(compareIso(birth, on) <= 0);
        const months = ageInMonths(birth, on);
        expect(compareIso(ageUpDate(birth, months), on)).toBeLessThanOrEqual(0);
        expect(compareIso(ageUpDate(birth, months + 1), on)).toBe(1);
      }),
    );
  });

  test('ageUpDate(N) is N months old', () => {
    fc.assert(
      fc.property(isoDate('2015-01-01', '2030-12-31'), fc.integer({ min: 0, max: 72 }), (birth, months) => {
        expect(ageInMonths(birth, ageUpDate(birth, months))).toBe(months);
      }),
    );
  });
});

describe('ageUpDate / turnsThreeOn', () => {
  test('same day of the month, or the last day when there is none', () => {
    expect(ageUpDate('2024-01-31', 1)).toBe('2024-02-29');
    expect(ageUpDate('2025-05-20', 6)).toBe('2025-11-20');
    expect(ageUpDate('2025-08-31', 6)).toBe('2026-02-28');
    expect(ageUpDate('2025-05-20', 0)).toBe('2025-05-20');
    expect(turnsThreeOn('2023-09-01')).toBe('2026-09-01');
    expect(turnsThreeOn('2024-02-29')).toBe('2027-02-28');
  });

  test('rejects a negative or fractional month count', () => {
    expect(() => ageUpDate('2025-05-20', -1)).toThrow(RangeError);
    expect(() => ageUpDate('2025-05-20', 0.5)).toThrow(RangeError);
  });

  test('turnsThreeOn is 36 months on', () => {
    fc.assert(
      fc.property(isoDate('1990-01-01', '2040-12-31'), (birth) => {
        expect(turnsThreeOn(birth)).toBe(addMonthsIso(birth, 36));
        expect(ageInMonths(birth, turnsThreeOn(birth))).toBe(36);
      }),
    );
  });

  test('takes the Shanghai day of an instant, not its UTC day', () => {
    expect(toShanghaiDate(new Date('2026-08-31T16:00:00Z'))).toBe('2026-09-01');
    expect(ageInMonths('2023-09-01', toShanghaiDate(new Date('2026-08-31T16:00:00Z')))).toBe(36);
  });
});
