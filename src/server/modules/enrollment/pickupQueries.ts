import type { Db } from '../../db/executor.ts';

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

/** Guardians of children with their account name, for the check-out picker. */
export function findGuardianUsers(db: Db, childIds: string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('child_guardians as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.child_id', 'g.user_id', 'g.relation', 'u.name'])
    .where('g.child_id', 'in', childIds)
    .orderBy('g.consented_at')
    .execute();
}
