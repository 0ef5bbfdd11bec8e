import type { Db } from '../../db/executor.ts';

/** The account as held, without its secrets (password hash, second-factor keys). */
export function findAccountForExport(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'phone', 'name', 'totp_enabled', 'created_at']).where('id', '=', userId).execute();
}

/**
 * The audit entries about a person: what they did, and what anyone did to their account or to
 * the records whose ids are given (their children's reads included). Newest first, bounded.
 */
export function findAuditAbout(db: Db, userId: string, entityIds: string[]) {
  return db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_id')
    .select(['a.id', 'a.at', 'a.action', 'a.entity_type', 'a.entity_id', 'a.actor_role', 'u.name as actor_name'])
    .where((eb) => eb.or([eb('a.actor_id', '=', userId), eb('a.entity_id', 'in', [userId, ...entityIds])]))
    .orderBy('a.id', 'desc')
    .limit(10_000)
    .execute();
}

/** How many audit entries name these records: shown as kept when they are erased, as the log is never changed. */
export async function countAuditAbout(db: Db, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where((eb) => eb.or([eb('actor_id', 'in', entityIds), eb('entity_id', 'in', entityIds)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
