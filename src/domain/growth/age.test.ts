import { describe, expect, it } from 'vitest';
import { ageInDays, DAYS_PER_MONTH, MAX_AGE_DAYS, roundHalfUp } from './age.ts';

describe('ageInDays', () => {
  it('counts calendar days, leap days included', () => {
    expect(ageInDays('2024-01-01', '2024-01-01')).toBe(0);
    expect(ageInDays('2020-02-28', '2020-03-01')).toBe(2);
    expect(ageInDays('2021-02-28', '2021-03-01')).toBe(1);
    expect(ageInDays('2023-01-01', '2024-01-01')).toBe(365);
    expect(ageInDays('2024-01-01', '2025-01-01')).toBe(366);
  });

  it('puts the fifth birthday of a child born 2019-01-01 exactly on the last scored day', () => {
    // 2019–2023 hold one leap day (2020): 5·365 + 1 = 1826
    expect(ageInDays('2019-01-01', '2024-01-01')).toBe(MAX_AGE_DAYS);
    expect(ageInDays('2019-01-01', '2024-01-02')).toBe(MAX_AGE_DAYS + 1);
    expect(MAX_AGE_DAYS / DAYS_PER_MONTH).toBeLessThan(60);
    expect((MAX_AGE_DAYS + 1) / DAYS_PER_MONTH).toBeGreaterThanOrEqual(60);
  });

  it('is not moved by daylight-saving changes', () => {
    expect(ageInDays('2024-03-30', '2024-03-31')).toBe(1);
    expect(ageInDays('2024-10-26', '2024-10-28')).toBe(2);
  });

  it('is negative when the visit precedes birth', () => {
    expect(ageInDays('2024-05-10', '2024-05-01')).toBe(-9);
  });

  it('rejects malformed and impossible dates', () => {
    for (const bad of ['2023-02-29', '2024-13-01', '2024-1-05', '2024-01-01T00:00', '', '20240101']) {
      expect(() => ageInDays(bad, '2024-06-01')).toThrow(RangeError);
    }
  });
});

describe('roundHalfUp', () => {
  it('rounds .5 up like anthro round_up', () => {
    expect([730.49, 730.5, 730.51, 0, 2.5].map(roundHalfUp)).toEqual([730, 731, 731, 0, 3]);
  });
});
