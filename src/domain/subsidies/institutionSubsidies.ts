import type { Role } from '../access/roles.ts';
import type { Fen } from '../money/fen.ts';
import { defineWorkflow } from '../workflow/defineWorkflow.ts';

/**
 * Institution subsidies (机构补贴): social insurance subsidy (社保补贴, per insured staff member per
 * month), per-place subsidy for new inclusive places (新增普惠托位补贴), operating subsidy (运营补贴).
 */
export const SUBSIDY_KINDS = ['social_insurance', 'new_place', 'operating'] as const;
export type SubsidyKind = (typeof SUBSIDY_KINDS)[number];

export const APPLICATION_STATUSES = ['submitted', 'district_approved', 'approved', 'returned', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_ACTIONS = ['district_approve', 'district_return', 'city_approve', 'city_return', 'resubmit', 'withdraw'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/**
 * The review in steps: the district health bureau checks first, the city health commission
 * approves with an amount; either may return the application with reasons, and the institution
 * resubmits or withdraws it. Each action says who may take it.
 */
export const SubsidyApplicationWorkflow = defineWorkflow<ApplicationStatus, ApplicationAction, Role>(APPLICATION_STATUSES, {
  submitted: {
    district_approve: { to: 'district_approved', by: ['district_official'] },
    district_return: { to: 'returned', by: ['district_official'] },
    withdraw: { to: 'withdrawn', by: ['institution_admin'] },
  },
  district_approved: {
    city_approve: { to: 'approved', by: ['city_official'] },
    city_return: { to: 'returned', by: ['city_official'] },
  },
  returned: {
    resubmit: { to: 'submitted', by: ['institution_admin'] },
    withdraw: { to: 'withdrawn', by: ['institution_admin'] },
  },
  approved: {},
  withdrawn: {},
});

/** Rates that turn an application's facts into a suggested amount; null where policy sets none. */
export type InstitutionSubsidyRates = {
  socialInsurancePerStaffMonthFen: Fen | null;
  /** Reported as 10,000 yuan per new inclusive place from the central budget (not confirmed). */
  newPlaceFen: Fen | null;
  operatingPerPlaceMonthFen: Fen | null;
};

export const DEFAULT_INSTITUTION_SUBSIDY_RATES: InstitutionSubsidyRates = {
  socialInsurancePerStaffMonthFen: null,
  newPlaceFen: 1_000_000,
  operatingPerPlaceMonthFen: null,
};

export type SubsidyFacts = { insuredStaff?: number; newPlaces?: number; places?: number; months?: number };

/** What the rates give for the facts, or null when the kind has no rate: reviewers decide the amount. */
export function suggestedAmount(kind: SubsidyKind, f: SubsidyFacts, rates = DEFAULT_INSTITUTION_SUBSIDY_RATES): Fen | null {
  switch (kind) {
    case 'social_insurance':
      return rates.socialInsurancePerStaffMonthFen === null
        ? null
        : (f.insuredStaff ?? 0) * (f.months ?? 0) * rates.socialInsurancePerStaffMonthFen;
    case 'new_place':
      return rates.newPlaceFen === null ? null : (f.newPlaces ?? 0) * rates.newPlaceFen;
    case 'operating':
      return rates.operatingPerPlaceMonthFen === null ? null : (f.places ?? 0) * (f.months ?? 0) * rates.operatingPerPlaceMonthFen;
  }
}
