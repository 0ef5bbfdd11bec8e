import { sql } from 'kysely';
import type { ErasureItem } from '../../../../domain/privacy/erasure.ts';
import { redactNames } from '../../../../domain/privacy/redactNames.ts';
import type { Db } from '../../../db/executor.ts';
import { AppError } from '../../../platform/errors/AppError.ts';

/**
 * Erases what this module holds of the children, in the caller's transaction, and says what it
 * kept and why. A child holding a place is refused (409): the institution ends the place first,
 * so its care and fees are settled. Kept: places and fee statements (with lines and deductions),
 * which accounting and the city's figures rest on; the days of care charged, without notes and
 * with an illness reason made plain "other"; applications that led to a place. Erased: the other
 * applications, morning checks (health data), and the child's link to incidents, whose record
 * stays the institution's with the children's names (`childNames`) taken out of its text.
 */
export async function eraseChildren(db: Db, childIds: string[], childNames: readonly string[] = []): Promise<ErasureItem[]> {
  if (childIds.length === 0) return [];
  const holding = await db.selectFrom('enrolments').select('id').where('child_id', 'in', childIds).where('end_date', 'is', null).execute();
  if (holding.length > 0) throw new AppError('DELETION_CHILD_HOLDS_PLACE');

  const applications = await db
    .selectFrom('applications as a')
    .select((eb) => [
      'a.id',
      eb
        .exists(
          eb
            .selectFrom('application_choices as c')
            .innerJoin('enrolments as e', 'e.choice_id', 'c.id')
            .select('e.id')
            .whereRef('c.application_id', '=', 'a.id'),
        )
        .as('placed'),
    ])
    .where('a.child_id', 'in', childIds)
    .execute();
  const unplaced = applications.filter((a) => !a.placed).map((a) => a.id);
  if (unplaced.length > 0) {
    await db.deleteFrom('application_choices').where('application_id', 'in', unplaced).execute();
    await db.deleteFrom('applications').where('id', 'in', unplaced).execute();
  }
  const checks = await db.deleteFrom('morning_checks').where('child_id', 'in', childIds).executeTakeFirst();
  const named = await db
    .selectFrom('incidents as i')
    .innerJoin('incident_children as ic', 'ic.incident_id', 'i.id')
    .select(['i.id', 'i.description', 'i.action_taken'])
    .where('ic.child_id', 'in', childIds)
    .execute();
  for (const incident of named) {
    await db
      .updateTable('incidents')
      .set({ description: redactNames(incident.description, childNames), action_taken: redactNames(incident.action_taken, childNames) })
      .where('id', '=', incident.id)
      .execute();
  }
  const incidents = await db.deleteFrom('incident_children').where('child_id', 'in', childIds).executeTakeFirst();
  const attendance = await db
    .updateTable('attendance')
    .set({ note: null, absence_reason: sql<string>`case when absence_reason = 'sick' then 'other' else absence_reason end` })
    .where('child_id', 'in', childIds)
    .executeTakeFirst();
  const enrolments = await db.selectFrom('enrolments').select('id').where('child_id', 'in', childIds).execute();
  const statements = await db.selectFrom('fee_statements').select('id').where('child_id', 'in', childIds).execute();
  return [
    { kind: 'applications', result: 'erased', reason: 'on_request', count: unplaced.length },
    { kind: 'applications', result: 'kept', reason: 'led_to_place', count: applications.length - unplaced.length },
    { kind: 'morning_checks', result: 'erased', reason: 'on_request', count: Number(checks.numDeletedRows) },
    { kind: 'incidents', result: 'anonymised', reason: 'institution_safety_record', count: Number(incidents.numDeletedRows) },
    { kind: 'attendance', result: 'anonymised', reason: 'charged_days', count: Number(attendance.numUpdatedRows) },
    { kind: 'enrolments', result: 'kept', reason: 'place_history', count: enrolments.length },
    { kind: 'fee_statements', result: 'kept', reason: 'accounting_law', count: statements.length },
  ];
}
