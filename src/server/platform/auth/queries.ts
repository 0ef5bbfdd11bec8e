import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Role, RoleGrant } from '../../../domain/access/roles.ts';
import type { Db } from '../../db/executor.ts';
import type { Actor } from '../access/access.ts';
import type { AttemptState } from './lockout.ts';

export function findUserByPhone(db: Db, phone: string) {
  return db
    .selectFrom('users')
    .select(['id', 'phone', 'name', 'password_hash', 'totp_secret', 'totp_enabled', 'disabled_at'])
    .where('phone', '=', phone)
    .executeTakeFirst();
}

export function findUserById(db: Db, id: string) {
  return db
    .selectFrom('users')
    .select(['id', 'phone', 'name', 'totp_secret', 'totp_pending_secret', 'totp_enabled'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type GrantWithNames = RoleGrant & { divisionName?: string; institutionName?: string; institutionFiled?: boolean };

export async function findGrants(db: Db, userId: string): Promise<GrantWithNames[]> {
  const rows = await db
    .selectFrom('user_roles as r')
    .leftJoin('institutions as i', 'i.id', 'r.institution_id')
    .leftJoin('divisions as d', (join) => join.onRef('d.code', '=', 'r.division_code').on('d.valid_to', 'is', null))
    .leftJoin('filed_institutions as f', 'f.institution_id', 'r.institution_id')
    .select([
      'r.role',
      'r.division_code',
      'r.institution_id',
      'i.name as institution_name',
      'd.name as division_name',
      'f.institution_id as filed_id',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('r.role')
    .execute();
  return rows.map((r) => ({
    role: r.role as Role,
    ...(r.division_code ? { divisionCode: r.division_code, divisionName: r.division_name ?? undefined } : {}),
    ...(r.institution_id
      ? { institutionId: r.institution_id, institutionName: r.institution_name ?? undefined, institutionFiled: r.filed_id !== null }
      : {}),
  }));
}

export async function insertSession(
  db: Db,
  s: { id: string; userId: string; createdAt: Date; expiresAt: Date; secondFactor: boolean; ip: string | null; userAgent: string | null },
) {
  await db
    .insertInto('sessions')
    .values({
      id: s.id,
      created_at: s.createdAt,
      last_seen_at: s.createdAt,
      user_id: s.userId,
      expires_at: s.expiresAt,
      second_factor: s.secondFactor,
      ip: s.ip,
      user_agent: s.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
}

/**
 * The actor behind a session id, if the session is live, began after `startedAfter` (the
 * absolute lifetime, however busy the session) and the user is not disabled.
 */
export async function findActorBySession(
  db: Db,
  sessionId: string,
  now: Date,
  startedAfter: Date,
): Promise<(Actor & { lastSeenAt: Date }) | undefined> {
  // One round trip: this runs before every signed-in request.
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['s.id', 's.last_seen_at', 'u.id as user_id', 'u.phone', 'u.name', 'u.totp_enabled'])
    .select((eb) =>
      jsonArrayFrom(
        eb.selectFrom('user_roles as r').select(['r.role', 'r.division_code', 'r.institution_id']).whereRef('r.user_id', '=', 'u.id'),
      ).as('grants'),
    )
    .where('s.id', '=', sessionId)
    .where('s.expires_at', '>', now)
    .where('s.created_at', '>', startedAfter)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    userId: row.user_id,
    phone: row.phone,
    name: row.name,
    sessionId: row.id,
    totpEnabled: row.totp_enabled,
    lastSeenAt: new Date(row.last_seen_at),
    grants: row.grants.map((g) => ({
      role: g.role as Role,
      ...(g.division_code ? { divisionCode: g.division_code } : {}),
      ...(g.institution_id ? { institutionId: g.institution_id } : {}),
    })),
  };
}

export async function setPassword(db: Db, userId: string, passwordHash: string) {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', userId).execute();
}

/** Shown on the accounts page; sessions are deleted when they end, so the time is kept here. */
export async function recordSignIn(db: Db, userId: string, now: Date) {
  await db.updateTable('users').set({ last_sign_in_at: now }).where('id', '=', userId).execute();
}

export async function touchSession(db: Db, sessionId: string, now: Date, expiresAt: Date) {
  await db.updateTable('sessions').set({ last_seen_at: now, expires_at: expiresAt }).where('id', '=', sessionId).execute();
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function deleteUserSessions(db: Db, userId: string) {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Db, now: Date) {
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

export async function findAttempts(db: Db, phone: string, ip: string): Promise<AttemptState | undefined> {
  const row = await db.selectFrom('login_attempts').selectAll().where('phone', '=', phone).where('ip', '=', ip).executeTakeFirst();
  return row
    ? {
        failures: row.failures,
        windowStartedAt: new Date(row.window_started_at),
        lastFailureAt: new Date(row.last_failure_at),
        lockedUntil: row.locked_until ? new Date(row.locked_until) : null,
      }
    : undefined;
}

export async function saveAttempts(db: Db, phone: string, ip: string, s: AttemptState) {
  const state = {
    failures: s.failures,
    window_started_at: s.windowStartedAt,
    last_failure_at: s.lastFailureAt,
    locked_until: s.lockedUntil,
  };
  await db
    .insertInto('login_attempts')
    .values({ phone, ip, ...state })
    .onConflict((oc) => oc.columns(['phone', 'ip']).doUpdateSet(state))
    .execute();
}

/** Forgets the failures for a phone number from every address: its owner has proved who they are. */
export async function clearAttempts(db: Db, phone: string) {
  await db.deleteFrom('login_attempts').where('phone', '=', phone).execute();
}

export async function setPendingTotpSecret(db: Db, userId: string, secret: string) {
  await db.updateTable('users').set({ totp_pending_secret: secret }).where('id', '=', userId).execute();
}

/** The pending secret becomes the second factor; the step of the code that confirmed it is used up. */
export async function enableTotp(db: Db, userId: string, sessionId: string, step: number) {
  await db
    .updateTable('users')
    .set((eb) => ({ totp_secret: eb.ref('totp_pending_secret'), totp_pending_secret: null, totp_enabled: true, totp_last_step: step }))
    .where('id', '=', userId)
    .execute();
  await db.updateTable('sessions').set({ second_factor: true }).where('id', '=', sessionId).execute();
}

/**
 * Uses up a code's time step: true only if it is newer than the last one used, so a code seen
 * once (over a shoulder, in a proxy log) cannot sign in again. Atomic across processes.
 */
export async function claimTotpStep(db: Db, userId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function resetTotp(db: Db, userId: string) {
  await db
    .updateTable('users')
    .set({ totp_secret: null, totp_pending_secret: null, totp_enabled: false, totp_last_step: null })
    .where('id', '=', userId)
    .execute();
}

/**
 * The live accounts holding a role at an institution or any of several (their directors, their
 * caregivers) or over a division (the officials whose division contains `withinDivision`): who a
 * notification goes to.
 */
export async function findRoleHolders(
  db: Db,
  where: { role: Role; institutionId: string } | { role: Role; institutionIds: string[] } | { role: Role; withinDivision: string },
): Promise<string[]> {
  if ('institutionIds' in where && where.institutionIds.length === 0) return [];
  let query = db
    .selectFrom('user_roles as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select('r.user_id')
    .distinct()
    .where('r.role', '=', where.role)
    .where('u.disabled_at', 'is', null);
  if ('institutionId' in where) query = query.where('r.institution_id', '=', where.institutionId);
  else if ('institutionIds' in where) query = query.where('r.institution_id', 'in', where.institutionIds);
  else {
    // A division's ancestors are its own code, its district's and its city's (6 digits, zero-padded).
    const code = where.withinDivision;
    query = query.where('r.division_code', 'in', [
      ...new Set([code, code.slice(0, 6), `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`]),
    ]);
  }
  return (await query.execute()).map((r) => r.user_id);
}
