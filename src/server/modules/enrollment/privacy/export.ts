import type { Db } from '../../../db/executor.ts';
import type { ExportSection } from '../../children/index.ts';

/** A family's applications, places, days, incidents and fee statements, for their data export. */
export async function exportForGuardian(db: Db, childIds: string[]): Promise<ExportSection[]> {
  if (childIds.length === 0) return [];
  const [applications, enrolments, attendance, morningChecks, incidents, statements] = await Promise.all([
    db
      .selectFrom('applications as a')
      .innerJoin('application_choices as c', 'c.application_id', 'a.id')
      .select(['a.id', 'a.child_id', 'a.start_date', 'a.created_at', 'c.institution_id', 'c.rank', 'c.status', 'c.decided_at'])
      .where('a.child_id', 'in', childIds)
      .orderBy('a.created_at')
      .orderBy('c.rank')
      .execute(),
    db
      .selectFrom('enrolments')
      .select(['id', 'child_id', 'institution_id', 'class_id', 'start_date', 'end_date', 'end_reason'])
      .where('child_id', 'in', childIds)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('attendance')
      .select(['child_id', 'institution_id', 'day', 'status', 'checked_in_at', 'checked_out_at', 'absence_reason', 'note'])
      .where('child_id', 'in', childIds)
      .orderBy('day')
      .execute(),
    db
      .selectFrom('morning_checks')
      .select(['child_id', 'institution_id', 'checked_on', 'temperature_c', 'symptoms', 'note'])
      .where('child_id', 'in', childIds)
      .orderBy('checked_on')
      .execute(),
    db
      .selectFrom('incidents as i')
      .innerJoin('incident_children as ic', 'ic.incident_id', 'i.id')
      .select(['ic.child_id', 'i.institution_id', 'i.occurred_at', 'i.kind', 'i.description', 'i.action_taken', 'i.parents_informed_at'])
      .where('ic.child_id', 'in', childIds)
      .orderBy('i.occurred_at')
      .execute(),
    db
      .selectFrom('fee_statements')
      .select(['id', 'child_id', 'institution_id', 'month', 'class_type', 'monthly_fee_fen', 'charged_days', 'absent_days', 'subtotal_fen'])
      .where('child_id', 'in', childIds)
      .orderBy('month')
      .execute(),
  ]);
  return [
    { kind: 'applications', rows: applications },
    { kind: 'enrolments', rows: enrolments },
    { kind: 'attendance', rows: attendance },
    { kind: 'morning_checks', rows: morningChecks },
    { kind: 'incidents', rows: incidents },
    { kind: 'fee_statements', rows: statements },
  ];
}
