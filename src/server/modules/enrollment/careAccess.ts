import { ageInMonths } from '../../../domain/dates/childAge.ts';
import { compareIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import type { Deps } from '../../deps.ts';
import type { Scope } from '../../platform/access/access.ts';
import { findVisibleChildIds } from '../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../platform/errors/AppError.ts';
import * as q from './careQueries.ts';
import type { ChildSummary } from './careSchemas.ts';

/** Staff act only for their own institution; any other is not found (never "forbidden"). */
export function requireOwnInstitution(scope: Scope, institutionId: string): void {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
}

/**
 * How the caller reaches a child: a guardian sees all of the child's care records; staff see
 * their own institution's records of a child holding a place there. Anyone else: not found.
 */
export async function childReach(deps: Deps, scope: Scope, childId: string): Promise<{ institutionIds: string[] | null }> {
  if (scope.guardianUserId && (await q.isGuardianOf(deps.db, scope.guardianUserId, childId))) return { institutionIds: null };
  const staffOnly = { ...scope, guardianUserId: null };
  if (!(await findVisibleChildIds(deps.db, staffOnly, [childId])).has(childId)) throw new AppError('NOT_FOUND');
  return { institutionIds: scope.institutionIds };
}

/**
 * The enrolment that put the child at one of the caller's institutions on `day`. A child never
 * enrolled there is not found; one enrolled there but not on that day is a field error.
 */
export async function requireEnrolledOn(deps: Deps, scope: Scope, childId: string, day: string, path = 'params.date') {
  const enrolments = await q.findEnrolmentsAt(deps.db, childId, scope.institutionIds);
  if (enrolments.length === 0) throw new AppError('NOT_FOUND');
  const on = enrolments.find((e) => compareIso(e.start_date, day) <= 0 && (e.end_date === null || compareIso(e.end_date, day) >= 0));
  if (!on) throw fieldError(path, 'date.notEnrolled');
  return on;
}

/** Care records are of days that have begun: never a day after today in Shanghai. */
export function requireNotFuture(deps: Deps, day: string, path = 'params.date'): void {
  if (compareIso(day, todayInShanghai(deps.clock.now())) > 0) throw fieldError(path, 'date.future');
}

/** Every read of a child's personal data is audited (product.md §2), one entry per child. */
export function auditChildReads(deps: Deps, context: AuditContext, childIds: Iterable<string>, via: string) {
  const entries = [...new Set(childIds)].map((id) => ({ action: 'child.read', entityType: 'child', entityId: id, detail: { via } }));
  return appendAudit(deps.db, context, entries, deps.clock.now());
}

export function presentChild(row: { id: string; name: string; sex: string; birth_date: string }, today: string): ChildSummary {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex as ChildSummary['sex'],
    birthDate: row.birth_date,
    ageMonths: compareIso(row.birth_date, today) <= 0 ? ageInMonths(row.birth_date, today) : 0,
  };
}
