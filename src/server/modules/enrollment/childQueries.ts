import type { Db } from '../../db/executor.ts';

export function findChildrenOfGuardian(db: Db, userId: string) {
  return db
    .selectFrom('child_guardians')
    .select('child_id')
    .where('user_id', '=', userId)
    .execute()
    .then((rows) => rows.map((r) => r.child_id));
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

export function findGuardians(db: Db, childIds: string[]) {
  if (childIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('child_guardians as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.child_id', 'u.name', 'g.relation', 'g.consented_at'])
    .where('g.child_id', 'in', childIds)
    .orderBy('g.consented_at')
    .execute();
}

export function findChildByResidentIndex(db: Db, index: string) {
  return db.selectFrom('children').select('id').where('resident_id_index', '=', index).executeTakeFirst();
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
