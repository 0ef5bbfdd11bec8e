import { describe, expect, it } from 'vitest';
import { checkDueSoon } from './checkReminders.ts';

describe('the health check due soon', () => {
  const born = '2026-03-10';

  it('is the check whose date falls within the next 7 days, that day and the 7th included', () => {
    expect(checkDueSoon(born, '2026-06-03')?.key).toBe('month_3');
    expect(checkDueSoon(born, '2026-06-10')?.targetDate).toBe('2026-06-10');
    expect(checkDueSoon(born, '2026-06-02')).toBeNull();
    expect(checkDueSoon(born, '2026-04-01')?.key).toBe('one_month');
  });

  it('is never a check already past, nor the newborn home visit, nor anything after the last check', () => {
    expect(checkDueSoon(born, '2026-06-11')).toBeNull();
    expect(checkDueSoon(born, born)).toBeNull();
    expect(checkDueSoon(born, '2029-03-10')?.key).toBe('month_36');
    expect(checkDueSoon(born, '2029-03-11')).toBeNull();
    expect(checkDueSoon(born, '2026-03-01')).toBeNull();
  });
});
