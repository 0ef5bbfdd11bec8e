import type { Insertable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { PickupPersonsTable } from '../../../db/schema.ts';

export function findPickupPersons(db: Db, childIds: string[], options: { activeOnly?: boolean } = {}) {
  if (childIds.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('pickup_persons as p')
    .innerJoin('users as u', 'u.id', 'p.authorised_by')
    .select([
      'p.id',
      'p.child_id',
      'p.name',
      'p.relation',
      'p.phone',
      'p.resident_id_masked',
      'p.authorised_at',
      'p.revoked_at',
      'u.name as authorised_by_name',
    ])
    .where('p.child_id', 'in', childIds);
  if (options.activeOnly) query = query.where('p.revoked_at', 'is', null);
  return query
    .orderBy('p.revoked_at', (ob) => ob.nullsFirst())
    .orderBy('p.authorised_at')
    .execute();
}
export type PickupPersonRow = Awaited<ReturnType<typeof findPickupPersons>>[number];

/** Whether the person was authorised to collect the child at that instant (revocation counts from its time). */
export async function wasAuthorisedAt(db: Db, childId: string, personId: string, at: Date) {
  const row = await db
    .selectFrom('pickup_persons')
    .select('id')
    .where('id', '=', personId)
    .where('child_id', '=', childId)
    .where('authorised_at', '<=', at)
    .where((eb) => eb.or([eb('revoked_at', 'is', null), eb('revoked_at', '>', at)]))
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertPickupPerson(db: Db, values: Insertable<PickupPersonsTable>): Promise<string> {
  const row = await db.insertInto('pickup_persons').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** One of the child's pick-up persons, locked for revocation. */
export function lockPickupPerson(db: Db, childId: string, personId: string) {
  return db
    .selectFrom('pickup_persons')
    .select(['id', 'revoked_at'])
    .where('id', '=', personId)
    .where('child_id', '=', childId)
    .forUpdate()
    .executeTakeFirst();
}

export async function revokePickupPerson(db: Db, personId: string, by: { at: Date; userId: string }): Promise<void> {
  await db.updateTable('pickup_persons').set({ revoked_at: by.at, revoked_by: by.userId }).where('id', '=', personId).execute();
}
