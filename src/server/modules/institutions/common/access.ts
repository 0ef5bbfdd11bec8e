import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Role } from '../../../../domain/access/roles.ts';
import { divisionPrefix, isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';

/**
 * Institutions the caller may see through this route: their own (staff), their district's
 * (district officials, by division-code prefix) or all (city officials, admins). Queries add
 * it to every read, so a record outside the scope is simply not found.
 */
export function institutionInScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'institutions'>): Expression<SqlBool> => {
    if (scope.cityWide) return sql<SqlBool>`true`;
    const conditions: Expression<SqlBool>[] = [];
    if (scope.institutionIds.length > 0) conditions.push(eb('institutions.id', 'in', scope.institutionIds));
    for (const code of scope.divisionCodes) conditions.push(eb('institutions.division_code', 'like', `${divisionPrefix(code)}%`));
    return conditions.length > 0 ? eb.or(conditions) : sql<SqlBool>`false`;
  };
}

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
