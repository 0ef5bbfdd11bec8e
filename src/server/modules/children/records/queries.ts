import type { Insertable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { ChildGuardiansTable, ChildrenTable } from '../../../db/schema.ts';

export function findChildrenOfGuardian(db: Db, userId: string) {
  return db
    .selectFrom('child_guardians')
    .select('child_id')
    .where('user_id', '=', userId)
    .execute()
    .then((rows) => rows.map((r) => r.child_id));
}

/** Whether the user is a guardian of the child. */
export function isGuardianOf(db: Db, userId: string, childId: string) {
  return db
    .selectFrom('child_guardians')
    .select('child_id')
    .where('user_id', '=', userId)
    .where('child_id', '=', childId)
    .executeTakeFirst()
    .then((row) => row !== undefined);
}

export function findChildRows(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('children as c')
    .leftJoin('divisions as d', (j) => j.onRef('d.code', '=', 'c.residence_division_code').on('d.valid_to', 'is', null))
    .select([
      'c.id',
      'c.name',
      'c.sex',
      'c.birth_date',
      'c.resident_id_masked',
      'c.residence_division_code',
      'd.name as division_name',
      'c.created_at',
    ])
    .where('c.id', 'in', ids)
    .orderBy('c.birth_date', 'desc')
    .execute();
}
export type ChildRow = Awaited<ReturnType<typeof findChildRows>>[number];

/** Name, sex and birth date of children: what other screens show of a child. */
export function findChildSummaries(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('children').select(['id', 'name', 'sex', 'birth_date']).where('id', 'in', ids).execute();
}

/** Children born on or after a date who have a guardian, for reminders by age (health checks). */
export function findGuardedChildrenBornSince(db: Db, since: string) {
  return db
    .selectFrom('children as c')
    .select(['c.id', 'c.name', 'c.birth_date'])
    .where('c.birth_date', '>=', since)
    .where((eb) => eb.exists(eb.selectFrom('child_guardians as g').select('g.child_id').whereRef('g.child_id', '=', 'c.id')))
    .orderBy('c.id')
    .execute();
}

/** Guardians of children with their account name, in the order they consented. */
export function findGuardians(db: Db, childIds: string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('child_guardians as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.child_id', 'g.user_id', 'u.name', 'g.relation', 'g.consented_at'])
    .where('g.child_id', 'in', childIds)
    .orderBy('g.consented_at')
    .execute();
}
export type GuardianRow = Awaited<ReturnType<typeof findGuardians>>[number];

export function findChildByResidentIndex(db: Db, index: string) {
  return db.selectFrom('children').select('id').where('resident_id_index', '=', index).executeTakeFirst();
}

export async function insertChild(db: Db, values: Insertable<ChildrenTable>): Promise<string> {
  const row = await db.insertInto('children').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertGuardian(db: Db, values: Insertable<ChildGuardiansTable>): Promise<void> {
  await db.insertInto('child_guardians').values(values).execute();
}

export function findAccessLog(db: Db, childId: string) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.at', 'a.action', 'a.actor_role', 'u.name as actor_name'])
    .where('a.entity_type', '=', 'child')
    .where('a.entity_id', '=', childId)
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
}
