import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  addMonthsIso,
  compareIso,
  daysBetween,
  isIsoDate,
  isIsoMonth,
  monthRange,
  parseIsoDate,
  shanghaiWallToIso,
  todayInShanghai,
  toShanghaiDate,
  toShanghaiMinute,
  toShanghaiWall,
} from './shanghai.ts';

// Reference arithmetic that uses no Date object at all (H. Hinnant, "days_from_civil").
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function lastDay(year: number, month: number): number {
  return daysFromCivil(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - daysFromCivil(year, month, 1);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const civilDate = (minYear = 1, maxYear = 9999) =>
  fc
    .record({
      year: fc.integer({ min: minYear, max: maxYear }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day }) => ({ year, month, day: Math.min(day, lastDay(year, month)) }));

const iso = ({ year, month, day }: { year: number; month: number; day: number }) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

describe('toShanghaiDate / todayInShanghai', () => {
  // Shanghai is UTC+8 with no summer time since 1991, so its day starts at 16:00Z the day before.
  test('an instant near the UTC day boundary falls on the Shanghai day, whatever the process TZ', () => {
    expect(todayInShanghai(new Date('2026-11-28T17:30:00Z'))).toBe('2026-11-29');
    expect(toShanghaiDate(new Date('2026-11-28T15:59:59.999Z'))).toBe('2026-11-28');
    expect(toShanghaiDate(new Date('2026-11-28T16:00:00Z'))).toBe('2026-11-29');
    expect(toShanghaiDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(toShanghaiDate(new Date('2026-11-29T05:00:00-05:00'))).toBe('2026-11-29');
    expect(toShanghaiDate(new Date('2026-11-28T23:59:00-05:00'))).toBe('2026-11-29');
  });

  test("today's date is right for any instant, asked in any order, across midnights and years", () => {
    const midnight = Date.parse('2026-11-28T16:00:00Z');
    for (const t of [midnight - 1, midnight, midnight - 1, midnight + 59_999, midnight - 60_000]) {
      expect(todayInShanghai(new Date(t))).toBe(toShanghaiDate(t));
    }
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: Date.parse('1800-01-01T00:00:00Z'), max: Date.parse('2100-01-01T00:00:00Z') }), { minLength: 2 }),
        (times) => {
          // Each instant and its neighbours in the same minute: the remembered minute must not leak.
          for (const t of times.flatMap((t) => [t, t + 1, t - 1, t + 30_000])) {
            expect(todayInShanghai(new Date(t))).toBe(toShanghaiDate(t));
          }
        },
      ),
    );
  });

  test('shows an instant as Shanghai wall time to the minute', () => {
    expect(toShanghaiMinute(new Date('2026-12-10T02:00:00Z'))).toBe('2026-12-10 10:00');
    expect(toShanghaiMinute(new Date('2026-12-31T16:05:00Z'))).toBe('2027-01-01 00:05');
  });

  test('rejects an invalid instant', () => {
    expect(() => toShanghaiDate(new Date('nope'))).toThrow(RangeError);
    expect(() => toShanghaiDate(Number.NaN)).toThrow(RangeError);
  });
});

describe('isIsoDate', () => {
  test.each(['2026-11-29', '2024-02-29', '2000-02-29', '0001-01-01', '9999-12-31'])('accepts %s', (s) => {
    expect(isIsoDate(s)).toBe(true);
  });

  test.each([
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '0000-01-01',
    '2026-1-05',
    '20261105',
    '2026-11-05T00:00:00Z',
    ' 2026-11-05',
    '2026-11-05\n',
    '２０２６-11-05',
    '',
    20261105,
    null,
  ])('rejects %j', (s) => {
    expect(isIsoDate(s)).toBe(false);
  });

  test('parseIsoDate round-trips every valid date', () => {
    fc.assert(
      fc.property(civilDate(), (d) => {
        expect(toShanghaiDate(parseIsoDate(iso(d)))).toBe(iso(d));
      }),
    );
  });

  test('parseIsoDate throws on an invalid date', () => {
    expect(() => parseIsoDate('2026-02-30')).toThrow(RangeError);
  });
});

describe('isIsoMonth / monthRange', () => {
  test('month bounds', () => {
    expect(monthRange('2026-11')).toEqual({ first: '2026-11-01', last: '2026-11-30' });
    expect(monthRange('2026-12')).toEqual({ first: '2026-12-01', last: '2026-12-31' });
    expect(monthRange('2024-02')).toEqual({ first: '2024-02-01', last: '2024-02-29' });
    expect(monthRange('2100-02')).toEqual({ first: '2100-02-01', last: '2100-02-28' });
  });

  test.each(['2026-13', '2026-00', '2026-1', '0000-01', '2026-11-01', ''])('rejects %j', (s) => {
    expect(isIsoMonth(s)).toBe(false);
    expect(() => monthRange(s)).toThrow(RangeError);
  });

  test('the last day is valid and the next day is not in the month', () => {
    fc.assert(
      fc.property(civilDate(), ({ year, month }) => {
        const { first, last } = monthRange(`${pad(year, 4)}-${pad(month)}`);
        expect(daysBetween(first, last)).toBe(lastDay(year, month) - 1);
      }),
    );
  });
});

describe('addMonthsIso', () => {
  test.each([
    ['2024-01-31', 1, '2024-02-29'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-02-29', 12, '2025-02-28'],
    ['2024-02-29', 48, '2028-02-29'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-11-29', 0, '2026-11-29'],
    ['2025-12-15', 1, '2026-01-15'],
    ['1988-04-10', 1, '1988-05-10'],
  ] as const)('%s + %i months = %s', (date, months, expected) => {
    expect(addMonthsIso(date, months)).toBe(expected);
  });

  test('rejects a fractional month count and a result outside 0001–9999', () => {
    expect(() => addMonthsIso('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonthsIso('9999-12-01', 1)).toThrow(RangeError);
  });

  test('keeps the day of month, clamped to the target month', () => {
    fc.assert(
      fc.property(civilDate(1000, 9000), fc.integer({ min: -1200, max: 1200 }), (d, months) => {
        const index = d.year * 12 + (d.month - 1) + months;
        const year = Math.floor(index / 12);
        const month = (index % 12) + 1;
        const expected = iso({ year, month, day: Math.min(d.day, lastDay(year, month)) });
        expect(addMonthsIso(iso(d), months)).toBe(expected);
      }),
    );
  });
});

describe('compareIso / daysBetween', () => {
  test('concrete cases', () => {
    expect(compareIso('2026-11-28', '2026-11-29')).toBe(-1);
    expect(compareIso('2026-11-29', '2026-11-29')).toBe(0);
    expect(compareIso('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-12-01', '2025-01-31', '2026-01-02'].sort(compareIso)).toEqual(['2025-01-31', '2026-01-02', '2026-12-01']);
    expect(daysBetween('2026-11-28', '2026-11-29')).toBe(1);
    expect(daysBetween('2026-11-29', '2026-11-28')).toBe(-1);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    // Across Shanghai's 1988 summer-time change (10 April, 02:00 → 03:00).
    expect(daysBetween('1988-04-09', '1988-04-11')).toBe(2);
    expect(() => compareIso('2026-11-29', '2026-11-31')).toThrow(RangeError);
  });

  test('agrees with pure calendar arithmetic and with compareIso', () => {
    fc.assert(
      fc.property(civilDate(), civilDate(), (a, b) => {
        const expected = daysFromCivil(b.year, b.month, b.day) - daysFromCivil(a.year, a.month, a.day);
        expect(daysBetween(iso(a), iso(b))).toBe(expected);
        expect(compareIso(iso(b), iso(a))).toBe(Math.sign(expected));
      }),
    );
  });
});

describe('wall time typed in a form', () => {
  test('is read as Shanghai time, whatever zone the device is in', () => {
    expect(shanghaiWallToIso('2026-12-01T10:00')).toBe('2026-12-01T02:00:00.000Z');
    expect(shanghaiWallToIso('2027-01-01T07:30')).toBe('2026-12-31T23:30:00.000Z');
  });

  test('shows an instant as the Shanghai wall time the form had', () => {
    expect(toShanghaiWall('2026-12-31T23:30:00.000Z')).toBe('2027-01-01T07:30');
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) }), (ms) => {
        const minute = new Date(ms - (ms % 60_000));
        expect(shanghaiWallToIso(toShanghaiWall(minute))).toBe(minute.toISOString());
      }),
    );
  });
});
