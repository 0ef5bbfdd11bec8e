import { type Insertable, type SqlBool, sql } from 'kysely';
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

/** Children whose enrollment puts them in the class on the day. */
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

/**
 * Recent morning checks that can count towards a cluster: fever by temperature, or any listed
 * symptom. The first condition repeats the partial index's predicate (0031) word for word, so
 * the planner can prove the index applies; the second narrows to the fever line in force.
 */
export function findPossibleCases(db: Db, filter: { from: string; to: string; feverFromC: number; classId?: string }) {
  let query = db
    .selectFrom('morning_checks')
    .select(['child_id', 'class_id', 'checked_on', 'temperature_c', 'symptoms'])
    .where('checked_on', '>=', filter.from)
    .where('checked_on', '<=', filter.to)
    .where(sql<SqlBool>`(temperature_c >= 37.0 or symptoms <> '{}')`)
    .where((eb) => eb.or([eb('temperature_c', '>=', filter.feverFromC.toFixed(1)), sql<SqlBool>`symptoms <> '{}'`]));
  if (filter.classId) query = query.where('class_id', '=', filter.classId);
  return query.execute();
}

/** The morning checks of the classes and days given, with the children's names (directors only). */
export function findChecksWithNames(db: Db, classIds: string[], days: string[]) {
  if (classIds.length === 0 || days.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('morning_checks as m')
    .innerJoin('children as ch', 'ch.id', 'm.child_id')
    .select(['m.child_id', 'm.class_id', 'm.checked_on', 'm.temperature_c', 'm.symptoms', 'ch.name'])
    .where('m.class_id', 'in', classIds)
    .where('m.checked_on', 'in', days)
    .orderBy('ch.name')
    .execute();
}
export type CheckWithNameRow = Awaited<ReturnType<typeof findChecksWithNames>>[number];
