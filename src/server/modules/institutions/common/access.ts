import type { Role } from '../../../../domain/access/roles.ts';
import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import type { Scope } from '../../../platform/access/access.ts';

/** The roles the caller holds for this one institution, among those the route allows. */
export function actingRoles(scope: Scope, institution: { id: string; division_code: string }): Role[] {
  const roles = new Set<Role>();
  for (const grant of scope.grants) {
    if (grant.role === 'institution_admin' || grant.role === 'caregiver') {
      if (grant.institutionId === institution.id) roles.add(grant.role);
    } else if (grant.role === 'district_official') {
      if (grant.divisionCode && isWithinDivision(institution.division_code, grant.divisionCode)) roles.add(grant.role);
    } else if (grant.role === 'city_official' || grant.role === 'admin') {
      roles.add(grant.role);
    }
  }
  return [...roles];
}
