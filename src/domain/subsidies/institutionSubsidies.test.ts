import { describe, expect, test } from 'vitest';
import { APPLICATION_STATUSES, SubsidyApplicationWorkflow, suggestedAmount } from './institutionSubsidies.ts';

describe('institution subsidy review workflow', () => {
  test('district first, then city; returns go back to the institution', () => {
    expect(SubsidyApplicationWorkflow.step('submitted', 'district_approve')).toEqual({
      to: 'district_approved',
      by: ['district_official'],
    });
    expect(SubsidyApplicationWorkflow.step('district_approved', 'city_approve')).toEqual({ to: 'approved', by: ['city_official'] });
    expect(SubsidyApplicationWorkflow.step('submitted', 'city_approve')).toBeUndefined();
    expect(SubsidyApplicationWorkflow.step('returned', 'resubmit')?.to).toBe('submitted');
  });

  test('allowed actions depend on the role', () => {
    expect(SubsidyApplicationWorkflow.allowedActions('submitted', ['institution_admin'])).toEqual(['withdraw']);
    expect(SubsidyApplicationWorkflow.allowedActions('submitted', ['district_official'])).toEqual(['district_approve', 'district_return']);
    expect(SubsidyApplicationWorkflow.allowedActions('submitted', ['city_official'])).toEqual([]);
    expect(SubsidyApplicationWorkflow.allowedActions('district_approved', ['city_official'])).toEqual(['city_approve', 'city_return']);
  });

  test('approved and withdrawn are final', () => {
    for (const status of APPLICATION_STATUSES.filter((s) => s === 'approved' || s === 'withdrawn')) {
      expect(SubsidyApplicationWorkflow.allowedActions(status, ['institution_admin', 'district_official', 'city_official'])).toEqual([]);
    }
  });
});

describe('suggested amounts', () => {
  test('new inclusive places at 10,000 yuan each by default; no default rate for the others', () => {
    expect(suggestedAmount('new_place', { newPlaces: 30 })).toBe(30_000_000);
    expect(suggestedAmount('social_insurance', { insuredStaff: 8, months: 12 })).toBeNull();
    const rates = { socialInsurancePerStaffMonthFen: 50_000, newPlaceFen: null, operatingPerPlaceMonthFen: 2_000 };
    expect(suggestedAmount('social_insurance', { insuredStaff: 8, months: 12 }, rates)).toBe(4_800_000);
    expect(suggestedAmount('operating', { places: 40, months: 6 }, rates)).toBe(480_000);
    expect(suggestedAmount('new_place', { newPlaces: 3 }, rates)).toBeNull();
  });
});
