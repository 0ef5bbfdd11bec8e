import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import type { EligibilityRules } from '../../../../domain/subsidies/eligibility.ts';
import type { Db } from '../../../db/executor.ts';
import { findInclusiveInstitutionIds, findInstitutionsByIds, findProgramInstitutions } from './queries.ts';

type Program = { id: string; division_code: string; inclusive_only: boolean };

export function rulesOf(p: { max_age_months: number; residence_division_codes: string[]; per_child_limit: number }): EligibilityRules {
  return { maxAgeMonths: p.max_age_months, residenceDivisionCodes: p.residence_division_codes, perChildLimit: p.per_child_limit };
}

// Suspended and closed institutions take no vouchers; a child can only hold a place in classes
// that were filed, so an institution with enrolled children has been filed.
const NOT_OPERATING = new Set(['suspended', 'closed']);

/**
 * Which of these institutions may redeem the program's vouchers on `today`: in operation, inside
 * the program's division, listed if the program lists institutions, inclusive (普惠) if it asks.
 */
export async function acceptingInstitutions(db: Db, program: Program, institutionIds: string[], today: string): Promise<Set<string>> {
  const [institutions, listed] = await Promise.all([findInstitutionsByIds(db, institutionIds), findProgramInstitutions(db, [program.id])]);
  const listedIds = new Set(listed.map((l) => l.institution_id));
  let ok = institutions
    .filter((i) => !NOT_OPERATING.has(i.status) && isWithinDivision(i.division_code, program.division_code))
    .filter((i) => listedIds.size === 0 || listedIds.has(i.id))
    .map((i) => i.id);
  if (program.inclusive_only) {
    const inclusive = new Set(await findInclusiveInstitutionIds(db, ok, today));
    ok = ok.filter((id) => inclusive.has(id));
  }
  return new Set(ok);
}
