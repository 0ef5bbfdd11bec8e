import type { Insertable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { institutionInScope } from '../common/queries.ts';

function withInstitution(db: Db) {
  return db
    .selectFrom('institution_invitations as v')
    .innerJoin('institutions', 'institutions.id', 'v.institution_id')
    .selectAll('v')
    .select(['institutions.name as institution_name', 'institutions.status as institution_status']);
}

export type InvitationRow = Awaited<ReturnType<typeof findInvitation>> & {};

export function insertInvitation(db: Db, values: Insertable<DB['institution_invitations']>) {
  return db.insertInto('institution_invitations').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Invitations sent since `since`: by the institution, and to the number (from any institution). */
export async function countInvitationsSince(db: Db, institutionId: string, phone: string, since: Date) {
  const row = await db
    .selectFrom('institution_invitations')
    .select((eb) => [
      eb.fn.countAll<string>().filterWhere('institution_id', '=', institutionId).as('by_institution'),
      eb.fn.countAll<string>().filterWhere('phone', '=', phone).as('to_phone'),
    ])
    .where('created_at', '>', since)
    .where((eb) => eb.or([eb('institution_id', '=', institutionId), eb('phone', '=', phone)]))
    .executeTakeFirstOrThrow();
  return { byInstitution: Number(row.by_institution), toPhone: Number(row.to_phone) };
}

/** Any invitation by id, locked with `lock`: the invitee's side, which checks the phone itself. */
export function findInvitation(db: Db, id: string, lock = false) {
  const query = withInstitution(db).where('v.id', '=', id);
  return (lock ? query.forUpdate('v') : query).executeTakeFirst();
}

/** An invitation of an institution in the caller's scope (the director's side). */
export function findInvitationInScope(db: Db, scope: Scope, id: string, lock = false) {
  const query = withInstitution(db).where('v.id', '=', id).where(institutionInScope(scope));
  return (lock ? query.forUpdate('v') : query).executeTakeFirst();
}

/** An institution's invitations, newest first. */
export function findInvitationsOf(db: Db, institutionId: string) {
  return withInstitution(db).where('v.institution_id', '=', institutionId).orderBy('v.created_at', 'desc').orderBy('v.id').execute();
}

/** Invitations to a phone number that may still be accepted. */
export function findOpenInvitationsTo(db: Db, phone: string, now: Date) {
  return withInstitution(db)
    .where('v.phone', '=', phone)
    .where('v.accepted_at', 'is', null)
    .where('v.revoked_at', 'is', null)
    .where('v.expires_at', '>', now)
    .orderBy('v.created_at', 'desc')
    .execute();
}

export async function markAccepted(db: Db, id: string, userId: string, now: Date) {
  await db.updateTable('institution_invitations').set({ accepted_at: now, accepted_by: userId }).where('id', '=', id).execute();
}

export async function markRevoked(db: Db, ids: string[], userId: string, now: Date) {
  if (ids.length === 0) return;
  await db.updateTable('institution_invitations').set({ revoked_at: now, revoked_by: userId }).where('id', 'in', ids).execute();
}

/** Accepted invitations of a roster entry whose role is still held. */
export function findAcceptedForStaff(db: Db, staffId: string) {
  return db
    .selectFrom('institution_invitations')
    .select(['id', 'role', 'institution_id', 'accepted_by'])
    .where('staff_id', '=', staffId)
    .where('accepted_at', 'is not', null)
    .where('revoked_at', 'is', null)
    .execute();
}
