import { describe, expect, test } from 'vitest';
import { daysLeft, ProgramWorkflow, reversalRefusal, voucherExpiresOn } from './programs.ts';

describe('program workflow', () => {
  test('actions per status', () => {
    expect(ProgramWorkflow.allowedActions('draft', ['city_official'])).toEqual(['open', 'close']);
    expect(ProgramWorkflow.allowedActions('open', ['city_official'])).toEqual(['pause', 'close']);
    expect(ProgramWorkflow.allowedActions('closed', ['city_official'])).toEqual([]);
    expect(ProgramWorkflow.step('paused', 'open')?.to).toBe('open');
    expect(ProgramWorkflow.step('closed', 'open')).toBeUndefined();
  });
});

describe('voucherExpiresOn', () => {
  test('the program end, or the voucher’s own days when sooner', () => {
    expect(voucherExpiresOn('2026-12-31', '2026-03-15', null)).toBe('2026-12-31');
    expect(voucherExpiresOn('2026-12-31', '2026-03-15', 1)).toBe('2026-03-15');
    expect(voucherExpiresOn('2026-12-31', '2026-03-15', 90)).toBe('2026-06-12');
    expect(voucherExpiresOn('2026-12-31', '2026-12-01', 90)).toBe('2026-12-31');
    expect(voucherExpiresOn('2028-12-31', '2024-02-29', 366)).toBe('2025-02-28');
  });

  test('daysLeft', () => {
    expect(daysLeft('2026-12-31', '2026-12-31')).toBe(0);
    expect(daysLeft('2026-12-31', '2026-12-24')).toBe(7);
    expect(daysLeft('2026-12-31', '2027-01-01')).toBe(-1);
  });
});

describe('reversalRefusal', () => {
  const live = { month: '2026-11', reversed: false, settled: false };
  test('in the month, unsettled: allowed', () => {
    expect(reversalRefusal(live, '2026-11')).toBeUndefined();
  });
  test('refusals', () => {
    expect(reversalRefusal({ ...live, reversed: true }, '2026-11')).toBe('already_reversed');
    expect(reversalRefusal({ ...live, settled: true }, '2026-11')).toBe('settled');
    expect(reversalRefusal(live, '2026-12')).toBe('window_closed');
  });
});
