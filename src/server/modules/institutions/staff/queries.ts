import type { Insertable, Updateable } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

type CertificateValues = Omit<Insertable<DB['staff_certificates']>, 'staff_id'>;

/** A staff member of the institution employed on `today`. */
export function findCurrentStaff(db: Db, institutionId: string, staffId: string, today: IsoDate) {
  return db
    .selectFrom('institution_staff')
    .select(['id', 'role'])
    .where('id', '=', staffId)
    .where('institution_id', '=', institutionId)
    .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
    .executeTakeFirst();
}

export function insertStaff(db: Db, values: Insertable<DB['institution_staff']>) {
  return db.insertInto('institution_staff').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateStaffRow(db: Db, staffId: string, values: Updateable<DB['institution_staff']>): Promise<void> {
  await db.updateTable('institution_staff').set(values).where('id', '=', staffId).execute();
}

/** The staff member's certificates become exactly these. */
export async function replaceCertificates(db: Db, staffId: string, certificates: CertificateValues[]): Promise<void> {
  await db.deleteFrom('staff_certificates').where('staff_id', '=', staffId).execute();
  if (certificates.length === 0) return;
  await db
    .insertInto('staff_certificates')
    .values(certificates.map((c) => ({ staff_id: staffId, ...c })))
    .execute();
}

/** Takes the staff member out of their class. */
export async function unassignFromClass(db: Db, staffId: string): Promise<void> {
  await db.deleteFrom('class_caregivers').where('staff_id', '=', staffId).execute();
}
