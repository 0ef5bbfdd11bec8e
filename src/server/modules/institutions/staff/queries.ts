import { type Insertable, sql, type Updateable } from 'kysely';
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

/**
 * Serialises every roster write and submission that concerns these people (blind indexes), so
 * that two directors adding the same person at once take turns and the second sees the first.
 *
 * A lock, not a unique partial index: whether a person counts as active depends on dates
 * (`left_on` in the future is still active, and a leaving takes effect without a write) and on
 * the other institution's filing state, which lives in other tables; an index predicate can use
 * neither today's date nor another table, and a draft institution may list someone filed elsewhere
 * until it submits. Locks are taken in sorted order so two writers never wait on each other.
 */
export async function lockResidentIndexes(db: Db, indexes: readonly string[]): Promise<void> {
  for (const index of [...new Set(indexes)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${`staff-resident-id:${index}`}))`.execute(db);
  }
}

/**
 * Where these people (blind indexes) are active staff on `today` — `left_on` null or later — in
 * an institution other than `institutionId` that is filed and in operation, or whose filing is
 * submitted or under review. One person may be active in only one such institution.
 */
export function findActiveElsewhere(db: Db, indexes: readonly string[], institutionId: string, today: IsoDate) {
  if (indexes.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('institution_staff as s')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .select(['s.resident_id_index as residentIndex', 'i.name as institutionName'])
    .where('s.resident_id_index', 'in', [...indexes])
    .where('s.institution_id', '<>', institutionId)
    .where((eb) => eb.or([eb('s.left_on', 'is', null), eb('s.left_on', '>', today)]))
    .where((eb) =>
      eb.or([
        eb('i.status', 'in', ['submitted', 'under_review']),
        eb.exists(
          eb
            .selectFrom('filed_institutions as f')
            .select('f.institution_id')
            .whereRef('f.institution_id', '=', 'i.id')
            .where('f.active', '=', true),
        ),
      ]),
    )
    .orderBy('i.name')
    .execute();
}
