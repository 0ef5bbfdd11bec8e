import { ageInMonths } from '../dates/childAge.ts';
import { compareIso, type IsoDate } from '../dates/shanghai.ts';
import { isWithinDivision } from '../geography/divisionCode.ts';

/** Who a voucher program is for, as the city health commission sets it when creating it. */
export type EligibilityRules = {
  /** The child must be younger than this many completed months on the claim date (36: under 3). */
  maxAgeMonths: number;
  /** The child's residence must lie in one of these divisions (the city, or listed districts). */
  residenceDivisionCodes: string[];
  /** Vouchers one child may hold from the program (counting used and expired ones). */
  perChildLimit: number;
};

export type ChildFacts = { birthDate: IsoDate; residenceDivisionCode: string; vouchersHeld: number };

export const INELIGIBILITY = ['not_born', 'too_old', 'residence', 'limit_reached'] as const;
export type Ineligibility = (typeof INELIGIBILITY)[number];

/** Every reason the child cannot have a voucher from the program on `onDate`; empty when eligible. */
export function ineligibility(rules: EligibilityRules, child: ChildFacts, onDate: IsoDate): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (compareIso(child.birthDate, onDate) > 0) reasons.push('not_born');
  else if (ageInMonths(child.birthDate, onDate) >= rules.maxAgeMonths) reasons.push('too_old');
  if (!rules.residenceDivisionCodes.some((code) => isWithinDivision(child.residenceDivisionCode, code))) reasons.push('residence');
  if (child.vouchersHeld >= rules.perChildLimit) reasons.push('limit_reached');
  return reasons;
}
