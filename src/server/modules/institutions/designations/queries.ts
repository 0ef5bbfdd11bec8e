import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

export function insertDesignation(db: Db, values: Insertable<DB['institution_designations']>) {
  return db.insertInto('institution_designations').values(values).returningAll().executeTakeFirstOrThrow();
}

export function findDesignation(db: Db, institutionId: string, designationId: string) {
  return db
    .selectFrom('institution_designations')
    .select(['id', 'revoked_on'])
    .where('id', '=', designationId)
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
}

export function updateDesignation(db: Db, designationId: string, values: Updateable<DB['institution_designations']>) {
  return db.updateTable('institution_designations').set(values).where('id', '=', designationId).returningAll().executeTakeFirstOrThrow();
}
