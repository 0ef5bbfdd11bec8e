import type { Insertable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { AttendanceTable, MorningChecksTable } from '../../../db/schema.ts';

/** Which rows: these children, these days, and (for staff) these institutions only. */
export type CareFilter = { childIds: string[]; from: string; to: string; institutionIds: string[] | null };

export function findAttendance(db: Db, f: CareFilter) {
  if (f.childIds.length === 0 || f.institutionIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('attendance as a')
    .innerJoin('users as r', 'r.id', 'a.recorded_by')
    .leftJoin('users as g', 'g.id', 'a.picked_up_by_guardian')
    .select([
      'a.child_id',
      'a.day',
      'a.status',
      'a.checked_in_at',
      'a.checked_out_at',
      'a.picked_up_by_guardian',
      'a.picked_up_by_person',
      'a.absence_reason',
      'a.note',
      'a.recorded_at',
      'r.name as recorded_by_name',
      'g.name as guardian_name',
    ])
    .where('a.child_id', 'in', f.childIds)
    .where('a.day', '>=', f.from)
    .where('a.day', '<=', f.to);
  if (f.institutionIds) query = query.where('a.institution_id', 'in', f.institutionIds);
  return query.orderBy('a.day').execute();
}
export type AttendanceRow = Awaited<ReturnType<typeof findAttendance>>[number];

export function findMorningChecks(db: Db, f: CareFilter) {
  if (f.childIds.length === 0 || f.institutionIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('morning_checks as m')
    .innerJoin('users as u', 'u.id', 'm.checked_by')
    .select(['m.child_id', 'm.checked_on', 'm.temperature_c', 'm.symptoms', 'm.note', 'm.checked_at', 'u.name as checked_by_name'])
    .where('m.child_id', 'in', f.childIds)
    .where('m.checked_on', '>=', f.from)
    .where('m.checked_on', '<=', f.to);
  if (f.institutionIds) query = query.where('m.institution_id', 'in', f.institutionIds);
  return query.orderBy('m.checked_on').execute();
}
export type MorningCheckRow = Awaited<ReturnType<typeof findMorningChecks>>[number];

/** Writes the child's record of the day whole: one row per child and day. */
export async function upsertAttendance(db: Db, row: Insertable<AttendanceTable>): Promise<void> {
  const { child_id: _c, day: _d, ...written } = row;
  await db
    .insertInto('attendance')
    .values(row)
    .onConflict((oc) => oc.columns(['child_id', 'day']).doUpdateSet(written))
    .execute();
}

/** Writes the child's morning check of the day, replacing an earlier one that day. */
export async function upsertMorningCheck(db: Db, row: Insertable<MorningChecksTable>): Promise<void> {
  const { child_id: _c, checked_on: _d, ...written } = row;
  await db
    .insertInto('morning_checks')
    .values(row)
    .onConflict((oc) => oc.columns(['child_id', 'checked_on']).doUpdateSet(written))
    .execute();
}

/** A class with the name and type in force: as filed, or the working copy before a first filing. */
export function findClass(db: Db, classId: string) {
  return db
    .selectFrom('institution_classes')
    .select((eb) => [
      'id',
      'institution_id',
      eb.fn.coalesce('filed_name', 'name').as('name'),
      eb.fn.coalesce('filed_class_type', 'class_type').as('class_type'),
    ])
    .where('id', '=', classId)
    .executeTakeFirst();
}

/** Children whose enrolment puts them in the class on the day. */
export function findClassRoster(db: Db, classId: string, day: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .select(['c.id', 'c.name', 'c.sex', 'c.birth_date', 'e.start_date', 'e.end_date'])
    .where('e.class_id', '=', classId)
    .where('e.start_date', '<=', day)
    .where((eb) => eb.or([eb('e.end_date', 'is', null), eb('e.end_date', '>=', day)]))
    .orderBy('c.name')
    .execute();
}
