import { describe, expect, test } from 'vitest';
import { ineligibility } from './eligibility.ts';

const rules = { maxAgeMonths: 36, residenceDivisionCodes: ['320700'], perChildLimit: 1 };
const child = { birthDate: '2024-05-10', residenceDivisionCode: '320706006', vouchersHeld: 0 };

describe('voucher eligibility', () => {
  test('a child under 36 months living in the city with no voucher yet is eligible', () => {
    expect(ineligibility(rules, child, '2026-11-29')).toEqual([]);
  });

  test('the day before the third birthday is the last eligible day', () => {
    expect(ineligibility(rules, { ...child, birthDate: '2023-11-30' }, '2026-11-29')).toEqual([]);
    expect(ineligibility(rules, { ...child, birthDate: '2023-11-29' }, '2026-11-29')).toEqual(['too_old']);
  });

  test('residence outside the listed divisions, a child not yet born, and the per-child limit', () => {
    expect(ineligibility(rules, { ...child, residenceDivisionCode: '320100001' }, '2026-11-29')).toEqual(['residence']);
    expect(ineligibility({ ...rules, residenceDivisionCodes: ['320703', '320706'] }, child, '2026-11-29')).toEqual([]);
    expect(ineligibility(rules, { ...child, birthDate: '2026-12-01' }, '2026-11-29')).toEqual(['not_born']);
    expect(ineligibility(rules, { ...child, vouchersHeld: 1 }, '2026-11-29')).toEqual(['limit_reached']);
    expect(ineligibility({ ...rules, perChildLimit: 2 }, { ...child, vouchersHeld: 1 }, '2026-11-29')).toEqual([]);
  });

  test('a program for under-2s', () => {
    expect(ineligibility({ ...rules, maxAgeMonths: 24 }, child, '2026-11-29')).toEqual(['too_old']);
  });
});
