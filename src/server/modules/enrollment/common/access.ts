import { compareIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findEnrollmentsAt } from './queries.ts';

/** Staff act only for their own institution; any other is not found (never "forbidden"). */
export function requireOwnInstitution(scope: Scope, institutionId: string): void {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
}

/** Whether an enrollment covered the day. */
export function enrolledOn(e: { start_date: string; end_date: string | null }, day: string): boolean {
  return compareIso(e.start_date, day) <= 0 && (e.end_date === null || compareIso(e.end_date, day) >= 0);
}

/**
 * The enrollment that put the child at one of the caller's institutions on `day`. A child never
 * enrolled there is not found; one enrolled there but not on that day is a field error.
 */
export async function requireEnrolledOn(deps: Deps, scope: Scope, childId: string, day: string, path = 'params.date') {
  const enrollments = await findEnrollmentsAt(deps.db, childId, scope.institutionIds);
  if (enrollments.length === 0) throw new AppError('NOT_FOUND');
  const on = enrollments.find((e) => enrolledOn(e, day));
  if (!on) throw fieldError(path, 'date.notEnrolled');
  return on;
}

/** Care records are of days that have begun: never a day after today in Shanghai. */
export function requireNotFuture(deps: Deps, day: string, path = 'params.date'): void {
  if (compareIso(day, todayInShanghai(deps.clock.now())) > 0) throw fieldError(path, 'date.future');
}
