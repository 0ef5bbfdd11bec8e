import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';

/** Filed classes of filed institutions with what decides their places, for the demo to fill. */
export function findDemoClasses(trx: Transaction<DB>) {
  return trx
    .selectFrom('institution_classes as k')
    .innerJoin('institutions as i', 'i.id', 'k.institution_id')
    .leftJoin('divisions as d', (j) => j.onRef('d.code', '=', 'i.division_code').on('d.valid_to', 'is', null))
    .leftJoin('class_enrolment_counts as e', 'e.class_id', 'k.id')
    .select((eb) => [
      'k.id',
      'k.institution_id',
      'i.name as institution_name',
      'i.division_code',
      'd.name as township_name',
      'k.filed_class_type',
      'k.filed_capacity',
      sql<number>`coalesce(e.enrolled, 0)`.as('enrolled'),
      eb
        .selectFrom('class_caregivers as cc')
        .innerJoin('institution_staff as s', 's.id', 'cc.staff_id')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('cc.class_id', '=', 'k.id')
        .where('s.left_on', 'is', null)
        .as('caregivers'),
    ])
    .where('i.status', '=', 'filed')
    .where('k.archived_at', 'is', null)
    .where('k.filed_class_type', 'is not', null)
    .where('k.filed_capacity', 'is not', null)
    .orderBy('i.name')
    .orderBy('k.filed_name')
    .execute();
}

/** A staff account of the institution to record the demo's care days: a caregiver ('caregiver' sorts first), else the director. */
export function findStaffUser(trx: Transaction<DB>, institutionId: string) {
  return trx
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('institution_id', '=', institutionId)
    .where('role', 'in', ['caregiver', 'institution_admin'])
    .orderBy('role')
    .executeTakeFirst();
}

/** Inserts many rows in chunks, well under PostgreSQL's 65,535 bind parameters per statement. */
export async function insertChunks<T extends keyof DB & string>(trx: Transaction<DB>, table: T, rows: object[], size = 1_000) {
  for (let i = 0; i < rows.length; i += size) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + size) as never)
      .execute();
  }
}
