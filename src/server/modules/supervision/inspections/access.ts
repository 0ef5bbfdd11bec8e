import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';

/** A district's inspections are its officials' and the city's; anything else looks like nothing. */
export function assertDistrict(scope: Scope, districtCode: string) {
  if (!divisionInScope(scope, districtCode)) throw new AppError('NOT_FOUND');
}

/** Who may see an inspection: the district and the city, and the inspected institution's director. */
export function mayReadInspection(scope: Scope, row: { district_code: string; institution_id: string }): boolean {
  return divisionInScope(scope, row.district_code) || scope.institutionIds.includes(row.institution_id);
}

/**
 * Results and decisions are the district's own work: any district official of the inspection's
 * district records them (the drawn inspectors visit; whoever of the bureau enters the form is
 * audited as its author). The city watches and does not decide.
 */
export function mayActForDistrict(scope: Scope, districtCode: string): boolean {
  return scope.grants.some(
    (g) => g.role === 'district_official' && g.divisionCode !== undefined && districtCode.startsWith(g.divisionCode as string),
  );
}
