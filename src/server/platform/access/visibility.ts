import { type Expression, type SqlBool, sql } from 'kysely';
import { divisionPrefix, isWithinDivision } from '../../../domain/geography/divisionCode.ts';
import type { Db } from '../../db/executor.ts';
import type { Scope } from './access.ts';

/**
 * The one batch check of "which of these records may this actor touch", and the only code
 * outside a module allowed to read that module's tables for it (like Immich's AccessRepository).
 * Each function answers with the subset of the ids given; callers answer 404 for the rest, so a
 * record outside the scope looks exactly like one that does not exist.
 */

/**
 * Ids of the children a scope may see, among `ids`: a guardian their own children; institution
 * staff (director, caregiver) the children holding a place at their institution. Officials see
 * no child records, only aggregates (product.md §2: scope is a hard rule).
 */
export async function findVisibleChildIds(db: Db, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0 || (!scope.guardianUserId && scope.institutionIds.length === 0)) return new Set();
  const guardianOf = scope.guardianUserId;
  const rows = await db
    .selectFrom('children as c')
    .select('c.id')
    .where('c.id', 'in', ids)
    .where((eb) =>
      eb.or([
        ...(guardianOf
          ? [
              eb.exists(
                eb
                  .selectFrom('child_guardians as g')
                  .select('g.child_id')
                  .whereRef('g.child_id', '=', 'c.id')
                  .where('g.user_id', '=', guardianOf),
              ),
            ]
          : []),
        ...(scope.institutionIds.length > 0
          ? [
              eb.exists(
                eb
                  .selectFrom('enrolments as e')
                  .select('e.id')
                  .whereRef('e.child_id', '=', 'c.id')
                  .where('e.institution_id', 'in', scope.institutionIds)
                  .where('e.end_date', 'is', null),
              ),
            ]
          : []),
      ]),
    )
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Ids of the institutions a scope may see, among `ids`: staff their own, district officials their district's, the city all. */
export async function findVisibleInstitutionIds(db: Db, scope: Scope, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('institutions')
    .select('id')
    .where('id', 'in', ids)
    .where((eb) => {
      if (scope.cityWide) return sql<SqlBool>`true`;
      const own = scope.institutionIds.length > 0 ? [eb('id', 'in', scope.institutionIds)] : [];
      return eb.or([...own, divisionCodeInScope(scope, 'institutions.division_code')]);
    })
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** Whether a division lies within what an official may see (staff and parents see no division as theirs). */
export function divisionInScope(scope: Scope, divisionCode: string): boolean {
  return scope.cityWide || scope.divisionCodes.some((code) => isWithinDivision(divisionCode, code));
}

/** SQL for divisionInScope on a division-code column: true city-wide, a prefix match per district granted, false otherwise. */
export function divisionCodeInScope(scope: Scope, column: string): Expression<SqlBool> {
  if (scope.cityWide) return sql<SqlBool>`true`;
  if (scope.divisionCodes.length === 0) return sql<SqlBool>`false`;
  const matches = scope.divisionCodes.map((code) => sql<SqlBool>`${sql.ref(column)} like ${`${divisionPrefix(code)}%`}`);
  return sql<SqlBool>`(${sql.join(matches, sql` or `)})`;
}
