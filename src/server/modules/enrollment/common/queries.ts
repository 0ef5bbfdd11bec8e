import type { Db } from '../../../db/executor.ts';

/**
 * Enrollment's rules of an institution that has no row in `institution_enrollment_rules`: the
 * table's defaults (migration 0046), which were the defaults of the old `institutions` columns.
 */
export const RULE_DEFAULTS = { waitlist_priorities: ['sibling'], refund_after_days: 0, refund_percent: 0 };

/** A child's enrollments at any of the institutions, newest first (ended ones too). */
export function findEnrollmentsAt(db: Db, childId: string, institutionIds: string[]) {
  if (institutionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('enrolments')
    .select(['id', 'institution_id', 'class_id', 'start_date', 'end_date'])
    .where('child_id', '=', childId)
    .where('institution_id', 'in', institutionIds)
    .orderBy('start_date', 'desc')
    .execute();
}
