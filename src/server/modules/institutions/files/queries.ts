import { type Insertable, sql } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

export function insertFile(db: Db, values: Insertable<DB['institution_files']>) {
  return db.insertInto('institution_files').values(values).returningAll().executeTakeFirstOrThrow();
}

/** A file of the institution, removed ones too; with `photoOnly`, only a photo still on the list. */
export function findFile(db: Db, institutionId: string, fileId: string, photoOnly: boolean) {
  let query = db.selectFrom('institution_files').selectAll().where('id', '=', fileId).where('institution_id', '=', institutionId);
  if (photoOnly) query = query.where('kind', '=', 'photo').where('deleted_at', 'is', null);
  return query.executeTakeFirst();
}

/** A file still on the institution's list. */
export function findListedFile(db: Db, institutionId: string, fileId: string) {
  return db
    .selectFrom('institution_files')
    .select(['id', 'kind'])
    .where('id', '=', fileId)
    .where('institution_id', '=', institutionId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** Takes the file off the list; the row and the bytes stay. */
export async function markFileRemoved(db: Db, fileId: string, now: Date): Promise<void> {
  await db.updateTable('institution_files').set({ deleted_at: now }).where('id', '=', fileId).execute();
}

/** Ids of the photos on the list, in no particular order. */
export async function listedPhotoIds(db: Db, institutionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('institution_files')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where('kind', '=', 'photo')
    .where('deleted_at', 'is', null)
    .execute();
  return rows.map((r) => r.id);
}

/** Gives each photo its place in the list, in one statement: the first id is shown first. */
export async function setPhotoPositions(db: Db, institutionId: string, photoIds: string[]): Promise<void> {
  await db
    .updateTable('institution_files')
    .set({ position: sql<number>`array_position(${photoIds}::uuid[], id) - 1` })
    .where('institution_id', '=', institutionId)
    .where('id', '=', sql<string>`any(${photoIds}::uuid[])`)
    .execute();
}
