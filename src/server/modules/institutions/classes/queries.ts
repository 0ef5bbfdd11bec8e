import type { Insertable, Updateable } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

/** Of `staffIds`, the caregivers of the institution employed on `today`. */
export function findCurrentCaregivers(db: Db, institutionId: string, staffIds: string[], today: IsoDate) {
  return db
    .selectFrom('institution_staff')
    .select('id')
    .where('id', 'in', staffIds)
    .where('institution_id', '=', institutionId)
    .where('role', '=', 'caregiver')
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
    .execute();
}

/** Takes these staff out of whatever class they are assigned to (one class per caregiver). */
export async function unassignStaff(db: Db, staffIds: string[]): Promise<void> {
  await db.deleteFrom('class_caregivers').where('staff_id', 'in', staffIds).execute();
}

/** The class's caregivers become exactly `staffIds`. */
export async function replaceCaregivers(db: Db, classId: string, staffIds: string[]): Promise<void> {
  await db.deleteFrom('class_caregivers').where('class_id', '=', classId).execute();
  if (staffIds.length > 0) {
    await db
      .insertInto('class_caregivers')
      .values(staffIds.map((staff_id) => ({ class_id: classId, staff_id })))
      .execute();
  }
}

export function insertClass(db: Db, values: Insertable<DB['institution_classes']>) {
  return db.insertInto('institution_classes').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A class of the institution's plan (not archived). */
export function findPlanClass(db: Db, institutionId: string, classId: string) {
  return db
    .selectFrom('institution_classes')
    .select(['id', 'class_type', 'capacity', 'filed_capacity'])
    .where('id', '=', classId)
    .where('institution_id', '=', institutionId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
}

export async function updateClassRow(db: Db, classId: string, values: Updateable<DB['institution_classes']>): Promise<void> {
  await db.updateTable('institution_classes').set(values).where('id', '=', classId).execute();
}

export async function deleteClass(db: Db, classId: string): Promise<void> {
  await db.deleteFrom('institution_classes').where('id', '=', classId).execute();
}

/** Children enrolled in the class and offers of a place in it (the enrollment seam, see the README). */
export async function countChildrenHeld(db: Db, classId: string): Promise<number> {
  const row = await db
    .selectFrom('class_enrolment_counts')
    .select(['enrolled', 'open_offers'])
    .where('class_id', '=', classId)
    .executeTakeFirst();
  return (row?.enrolled ?? 0) + (row?.open_offers ?? 0);
}
