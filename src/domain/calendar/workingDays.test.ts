import { describe, expect, it } from 'vitest';
import { addWorkingDays, dayOff, isWorkingDay, spansUnknownYear, workingCalendar } from './workingDays.ts';

// The State Council's 2026 arrangement around the Spring Festival and New Year.
const CALENDAR = workingCalendar(
  [
    { day: '2026-01-01', kind: 'holiday' },
    { day: '2026-01-02', kind: 'holiday' },
    { day: '2026-01-03', kind: 'holiday' },
    { day: '2026-01-04', kind: 'workday' },
    { day: '2026-02-14', kind: 'workday' },
    ...['15', '16', '17', '18', '19', '20', '21', '22', '23'].map((d) => ({ day: `2026-02-${d}`, kind: 'holiday' as const })),
    { day: '2026-02-28', kind: 'workday' },
  ],
  [2026],
);

describe('working days', () => {
  it('counts Monday to Friday, not the holidays, and the weekend days worked instead', () => {
    expect(isWorkingDay('2026-03-02', CALENDAR)).toBe(true); // a Monday
    expect(isWorkingDay('2026-03-07', CALENDAR)).toBe(false); // a Saturday
    expect(isWorkingDay('2026-02-16', CALENDAR)).toBe(false); // Monday in the Spring Festival
    expect(isWorkingDay('2026-02-14', CALENDAR)).toBe(true); // Saturday worked
    expect(isWorkingDay('2026-01-04', CALENDAR)).toBe(true); // Sunday worked
  });

  it('a plain week: Friday plus one is Monday, Thursday plus five is the next Thursday', () => {
    expect(addWorkingDays('2026-03-06', 1, CALENDAR)).toBe('2026-03-09');
    expect(addWorkingDays('2026-03-05', 5, CALENDAR)).toBe('2026-03-12');
    expect(addWorkingDays('2026-03-05', 0, CALENDAR)).toBe('2026-03-05');
  });

  it('steps over the Spring Festival and counts the Saturdays worked on either side', () => {
    // Friday 13 Feb + 1 → Saturday 14 Feb, a working day.
    expect(addWorkingDays('2026-02-13', 1, CALENDAR)).toBe('2026-02-14');
    // Saturday 14 Feb + 1 → Tuesday 24 Feb, the first day back.
    expect(addWorkingDays('2026-02-14', 1, CALENDAR)).toBe('2026-02-24');
    // 24, 25, 26, 27 and Saturday 28 Feb.
    expect(addWorkingDays('2026-02-23', 5, CALENDAR)).toBe('2026-02-28');
    // Accepted 12 Feb: 13, 14, 24–28 Feb, 2–6 and 9–11 March make 15.
    expect(addWorkingDays('2026-02-12', 15, CALENDAR)).toBe('2026-03-11');
  });

  it('New Year: Wednesday 31 Dec + 1 is Sunday 4 Jan, worked', () => {
    expect(addWorkingDays('2025-12-31', 1, CALENDAR)).toBe('2026-01-04');
  });

  it('refuses a negative or fractional count, and knows which years are unknown', () => {
    expect(() => addWorkingDays('2026-03-02', -1, CALENDAR)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-03-02', 1.5, CALENDAR)).toThrow(RangeError);
    expect(spansUnknownYear('2026-12-28', '2027-01-08', CALENDAR)).toBe(true);
    expect(spansUnknownYear('2026-02-01', '2026-03-01', CALENDAR)).toBe(false);
  });
});

describe('the day off a date is', () => {
  it('names a holiday, says weekend for a plain Saturday or Sunday, and nothing on a 调休 Saturday or a weekday', () => {
    expect(dayOff('2026-10-01', { kind: 'holiday', name: '国庆节' })).toEqual({ kind: 'holiday', name: '国庆节' });
    expect(dayOff('2026-12-05', undefined)).toEqual({ kind: 'weekend' });
    expect(dayOff('2026-12-06', undefined)).toEqual({ kind: 'weekend' });
    expect(dayOff('2026-10-10', { kind: 'workday', name: '国庆节' })).toBeNull();
    expect(dayOff('2026-12-07', undefined)).toBeNull();
  });
});
