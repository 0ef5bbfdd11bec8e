import { sql, type Transaction } from 'kysely';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { maskPhone } from '../../../../domain/identity/phone.ts';
import {
  INVITATION_LIMITS,
  type InvitationRole,
  type InvitationStatus,
  invitationExpiry,
  invitationStatus,
} from '../../../../domain/institutions/invitations.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Actor, Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { grantRole, revokeRole } from '../../../platform/auth/accounts.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { enqueueMessages } from '../../../platform/messaging/outbox.ts';
import { getInstitutionInScope } from '../common/queries.ts';
import { findCurrentStaff } from '../staff/queries.ts';
import { tellInvitee } from './notifications.ts';
import {
  countInvitationsSince,
  findAcceptedForStaff,
  findInvitation,
  findInvitationInScope,
  findInvitationsOf,
  findOpenInvitationsTo,
  insertInvitation,
  markAccepted,
  markRevoked,
} from './queries.ts';
import type { InvitationView } from './schemas.ts';

type Row = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

const ROLE_WORDS: Record<InvitationRole, string> = { caregiver: '保育人员', institution_admin: '机构负责人' };

/**
 * The invitee's SMS names the institution and the role only: no one else's personal data, and
 * not the id either, since the invitation is found by the signed-in number (GET /api/v1/invitations).
 * In Chinese: who the invitee is and which language they read are not known yet.
 */
function invitationText(institution: string, role: InvitationRole): string {
  return `【托育服务平台】${institution}邀请您成为本机构的${ROLE_WORDS[role]}。请在7天内用本手机号登录托育服务平台（尚无账号请先注册），在“我的邀请”中接受。`;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function statusOf(row: Row, now: Date): InvitationStatus {
  return invitationStatus(
    {
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
      acceptedAt: row.accepted_at ? new Date(row.accepted_at) : null,
      expiresAt: new Date(row.expires_at),
    },
    now,
  );
}

function view(row: Row, now: Date): InvitationView {
  return {
    id: row.id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    phone: row.phone,
    role: row.role as InvitationRole,
    staffId: row.staff_id,
    status: statusOf(row, now),
    createdAt: new Date(row.created_at).toISOString(),
    expiresAt: new Date(row.expires_at).toISOString(),
    acceptedAt: iso(row.accepted_at),
    revokedAt: iso(row.revoked_at),
  };
}

async function getView(db: Db, id: string, now: Date) {
  const row = await findInvitation(db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return view(row, now);
}

/**
 * Refuses past the day's share. The institution's row is locked by the caller and the number takes
 * an advisory lock, so invitations at once from one institution or to one number take turns.
 */
async function assertWithinLimits(trx: Transaction<DB>, institutionId: string, phone: string, now: Date) {
  await sql`select pg_advisory_xact_lock(hashtext(${`invitation:${phone}`}))`.execute(trx);
  const sent = await countInvitationsSince(trx, institutionId, phone, new Date(now.getTime() - 86_400_000));
  if (sent.byInstitution >= INVITATION_LIMITS.perInstitutionPerDay || sent.toPhone >= INVITATION_LIMITS.perPhonePerDay) {
    throw new AppError('INVITATIONS_LIMITED', {
      perInstitution: INVITATION_LIMITS.perInstitutionPerDay,
      perPhone: INVITATION_LIMITS.perPhonePerDay,
    });
  }
}

/** The director invites a number; the row, its SMS and the invitee's notification commit together. */
export async function inviteStaff(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  body: { phone: string; role: InvitationRole; staffId?: string | undefined },
) {
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const institution = await getInstitutionInScope(trx, scope, institutionId, true);
    if (institution.status === 'closed') throw new AppError('INSTITUTION_LOCKED', { status: institution.status });
    await assertWithinLimits(trx, institutionId, body.phone, now);
    if (body.staffId && !(await findCurrentStaff(trx, institutionId, body.staffId, todayInShanghai(now)))) {
      throw new AppError('STAFF_NOT_IN_INSTITUTION');
    }
    const expiresAt = invitationExpiry(now);
    const row = await insertInvitation(trx, {
      institution_id: institutionId,
      phone: body.phone,
      role: body.role,
      staff_id: body.staffId ?? null,
      invited_by: scope.actor.userId,
      created_at: now,
      expires_at: expiresAt,
    });
    await enqueueMessages(
      trx,
      [
        {
          channel: 'sms',
          to: body.phone,
          template: 'institutions.invitation',
          params: { institution: institution.name, role: ROLE_WORDS[body.role] },
          body: invitationText(institution.name, body.role),
        },
      ],
      now,
    );
    await tellInvitee(trx, { phone: body.phone, role: body.role, institutionName: institution.name, expiresAt }, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.invitation.create',
        entityType: 'institution',
        entityId: institutionId,
        detail: { invitationId: row.id, role: body.role, staffId: body.staffId ?? null, phone: maskPhone(body.phone) },
      },
      now,
    );
    return row.id;
  });
  return getView(deps.db, id, now);
}

export async function listInvitations(deps: Deps, scope: Scope, institutionId: string) {
  await getInstitutionInScope(deps.db, scope, institutionId);
  const now = deps.clock.now();
  return { items: (await findInvitationsOf(deps.db, institutionId)).map((r) => view(r, now)) };
}

/** Invitations to the caller's own number that are still open. */
export async function listMyInvitations(deps: Deps, actor: Actor) {
  const now = deps.clock.now();
  return { items: (await findOpenInvitationsTo(deps.db, actor.phone, now)).map((r) => view(r, now)) };
}

/**
 * The invitee accepts: only the account whose number was invited, and to anyone else the
 * invitation does not exist. The role holds from their next request. Accepting twice is harmless.
 */
export async function acceptInvitation(deps: Deps, actor: Actor, context: AuditContext, id: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findInvitation(trx, id, true);
    if (!row || row.phone !== actor.phone) throw new AppError('NOT_FOUND');
    const status = statusOf(row, now);
    if (status === 'accepted') return;
    if (status === 'revoked') throw new AppError('INVITATION_REVOKED');
    if (status === 'expired') throw new AppError('INVITATION_EXPIRED');
    if (row.institution_status === 'closed') throw new AppError('INSTITUTION_LOCKED', { status: row.institution_status });
    await grantRole(trx, actor.userId, { role: row.role as InvitationRole, institutionId: row.institution_id });
    await markAccepted(trx, id, actor.userId, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.invitation.accept',
        entityType: 'institution',
        entityId: row.institution_id,
        detail: { invitationId: id, role: row.role },
      },
      now,
    );
  });
  return getView(deps.db, id, now);
}

/**
 * The director revokes: a pending invitation can no longer be accepted, and an accepted one
 * takes its role away at once. A director cannot end their own role this way.
 */
export async function revokeInvitation(deps: Deps, scope: Scope, context: AuditContext, id: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await findInvitationInScope(trx, scope, id, true);
    if (!row) throw new AppError('NOT_FOUND');
    const status = statusOf(row, now);
    if (status === 'revoked') throw new AppError('INVITATION_REVOKED');
    if (status === 'expired') throw new AppError('INVITATION_EXPIRED');
    if (row.accepted_by === scope.actor.userId) throw new AppError('OWN_ACCOUNT_UNCHANGEABLE');
    if (row.accepted_by) await revokeRole(trx, row.accepted_by, { role: row.role as InvitationRole, institutionId: row.institution_id });
    await markRevoked(trx, [id], scope.actor.userId, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.invitation.revoke',
        entityType: 'institution',
        entityId: row.institution_id,
        detail: { invitationId: id, role: row.role, roleEnded: row.accepted_by !== null },
      },
      now,
    );
  });
  return getView(deps.db, id, now);
}

/**
 * A roster entry leaves: the accounts that joined as that person lose the role at once, and
 * their invitations read revoked. Runs in the leaving's transaction; returns how many ended.
 */
export async function endAccessOfStaff(trx: Transaction<DB>, staffId: string, byUserId: string, now: Date): Promise<number> {
  const accepted = await findAcceptedForStaff(trx, staffId);
  for (const a of accepted) {
    if (a.accepted_by) await revokeRole(trx, a.accepted_by, { role: a.role as InvitationRole, institutionId: a.institution_id });
  }
  await markRevoked(
    trx,
    accepted.map((a) => a.id),
    byUserId,
    now,
  );
  return accepted.length;
}
