import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../identity/residentId.ts';
import { staffResidentIdProblem } from './staffIdentity.ts';

const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const today = '2026-12-07';

describe('staffResidentIdProblem', () => {
  it('needs a number for a new caregiver, director or health worker only', () => {
    expect(staffResidentIdProblem(undefined, { role: 'caregiver', required: true, today })).toBe('residentId.required');
    expect(staffResidentIdProblem(' ', { role: 'director', required: true, today })).toBe('residentId.required');
    expect(staffResidentIdProblem(undefined, { role: 'cook', required: true, today })).toBeNull();
    expect(staffResidentIdProblem(undefined, { role: 'caregiver', required: false, today })).toBeNull();
  });

  it('checks the check character and the birth date, and that the person is at least 16', () => {
    const adult = withCheck('32070619900101001');
    expect(staffResidentIdProblem(adult, { role: 'caregiver', required: true, today })).toBeNull();
    expect(
      staffResidentIdProblem(`${adult.slice(0, 17)}${adult.endsWith('0') ? '1' : '0'}`, { role: 'cook', required: false, today }),
    ).toBe('residentId.invalid');
    expect(staffResidentIdProblem(withCheck('32070619900231001'), { role: 'cook', required: false, today })).toBe('residentId.invalid');
    expect(staffResidentIdProblem(withCheck('32070620101208001'), { role: 'cook', required: false, today })).toBe('residentId.tooYoung');
    expect(staffResidentIdProblem(withCheck('32070620101207001'), { role: 'cook', required: false, today })).toBeNull();
  });
});
