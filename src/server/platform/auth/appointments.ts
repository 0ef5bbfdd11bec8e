import { randomBytes } from 'node:crypto';
import {
  type AppointedRole,
  LEVEL_OF_ROLE,
  mayAppoint,
  mayDisableAccount,
  mayManageAccount,
  mayRevoke,
} from '../../../domain/access/appointments.ts';
import type { RoleGrant } from '../../../domain/access/roles.ts';
import { maskPhone } from '../../../domain/identity/phone.ts';
import type { Db } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../access/access.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors/AppError.ts';
import { enqueueMessages } from '../messaging/outbox.ts';
import { createAccount, grantRole } from './accounts.ts';
import * as q from './appointmentQueries.ts';
import { hashPassword } from './passwords.ts';
import { isPhoneTaken } from './registration.ts';
import type { AccountView } from './schemas.ts';

type Appointment = { role: AppointedRole; divisionCode: string };

const SEARCH_LIMIT = 50;

function viewerOf(actor: Actor): q.AccountViewer {
  if (actor.grants.some((g) => g.role === 'admin')) return { everyone: true };
  return {
    everyone: false,
    cityCodes: actor.grants.flatMap((g) => (g.role === 'city_official' && g.divisionCode ? [g.divisionCode] : [])),
  };
}

function grantOf(r: { role: RoleGrant['role']; division_code: string | null; institution_id: string | null }): RoleGrant {
  return {
    role: r.role,
    ...(r.division_code ? { divisionCode: r.division_code } : {}),
    ...(r.institution_id ? { institutionId: r.institution_id } : {}),
  };
}

async function views(db: Db, accounts: q.AccountRow[]): Promise<AccountView[]> {
  const roles = await q.findRolesOf(
    db,
    accounts.map((a) => a.id),
  );
  return accounts.map((a) => ({
    id: a.id,
    phone: a.phone,
    name: a.name,
    roles: roles
      .filter((r) => r.user_id === a.id)
      .map((r) => ({
        id: r.id,
        role: r.role,
        ...(r.division_code ? { divisionCode: r.division_code, divisionName: r.division_name ?? undefined } : {}),
        ...(r.institution_id ? { institutionId: r.institution_id, institutionName: r.institution_name ?? undefined } : {}),
      })),
    disabled: a.disabled_at !== null,
    lastSignInAt: a.last_sign_in_at ? new Date(a.last_sign_in_at).toISOString() : null,
    createdAt: new Date(a.created_at).toISOString(),
  }));
}

async function viewOf(db: Db, id: string): Promise<AccountView> {
  const account = await q.findAccount(db, id);
  if (!account) throw new AppError('NOT_FOUND');
  return (await views(db, [account]))[0] as AccountView;
}

/** The account and its roles if the actor manages it; otherwise it does not exist for them. */
async function getManaged(db: Db, actor: Actor, id: string) {
  const account = await q.findAccount(db, id);
  const roles = account ? await q.findRolesOf(db, [id]) : [];
  if (!account || !mayManageAccount(actor.grants, roles.map(grantOf))) throw new AppError('NOT_FOUND');
  return { account, roles };
}

function assertNotSelf(actor: Actor, userId: string) {
  if (actor.userId === userId) throw new AppError('OWN_ACCOUNT_UNCHANGEABLE');
}

/** Checks an appointment: the actor may grant it, and its division is one of its role's level in force. */
async function assertAppointable(db: Db, actor: Actor, a: Appointment) {
  if (!mayAppoint(actor.grants, a)) throw new AppError('ROLE_TOO_WIDE');
  if ((await q.findDivisionLevel(db, a.divisionCode)) !== LEVEL_OF_ROLE[a.role]) {
    throw new AppError('ROLE_DIVISION_MISMATCH', { code: a.divisionCode });
  }
}

export async function searchAccounts(deps: Deps, actor: Actor, query: string | undefined) {
  const rows = await q.searchAccounts(deps.db, viewerOf(actor), query, SEARCH_LIMIT);
  return { items: await views(deps.db, rows) };
}

/**
 * Words of the SMS to a new official: the roles, and how to set a password. No password is sent:
 * the account gets an unusable one and its holder proves the number with the forgotten-password
 * code, so no secret ever sits in an SMS log or in the appointer's hands.
 */
function appointedText(name: string): string {
  return `【托育服务平台】${name}，您的托育服务平台账号已开通。请打开平台登录页，选择“忘记密码”，用本手机号获取验证码设置密码后登录。`;
}

/** An official's account with its roles; the person sets a password by SMS code. */
export async function createOfficialAccount(
  deps: Deps,
  actor: Actor,
  context: AuditContext,
  body: { phone: string; name: string; roles: Appointment[] },
) {
  const now = deps.clock.now();
  // The same role named twice is one role.
  const roles = [...new Map(body.roles.map((a) => [`${a.role}:${a.divisionCode}`, a])).values()];
  for (const a of roles) await assertAppointable(deps.db, actor, a);
  const passwordHash = await hashPassword(randomBytes(32).toString('base64url'));
  const id = await deps.db
    .transaction()
    .execute(async (trx) => {
      if (await trx.selectFrom('users').select('id').where('phone', '=', body.phone).executeTakeFirst()) {
        throw new AppError('PHONE_HAS_ACCOUNT');
      }
      const userId = await createAccount(trx, { phone: body.phone, name: body.name, passwordHash, now }, roles);
      await enqueueMessages(
        trx,
        [{ channel: 'sms', to: body.phone, template: 'auth.account_appointed', params: {}, body: appointedText(body.name), userId }],
        now,
      );
      await appendAudit(
        trx,
        context,
        {
          action: 'auth.account_created',
          entityType: 'user',
          entityId: userId,
          detail: { phone: maskPhone(body.phone), roles },
        },
        now,
      );
      return userId;
    })
    .catch((err) => {
      if (isPhoneTaken(err)) throw new AppError('PHONE_HAS_ACCOUNT');
      throw err;
    });
  return viewOf(deps.db, id);
}

export async function grantAppointment(deps: Deps, actor: Actor, context: AuditContext, userId: string, grant: Appointment) {
  assertNotSelf(actor, userId);
  await getManaged(deps.db, actor, userId);
  await assertAppointable(deps.db, actor, grant);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await grantRole(trx, userId, grant);
    await appendAudit(trx, context, { action: 'auth.role_granted', entityType: 'user', entityId: userId, detail: grant }, now);
  });
  return viewOf(deps.db, userId);
}

/** Ends one role of an account; its sessions lose it on their next request. */
export async function revokeAppointment(deps: Deps, actor: Actor, context: AuditContext, userId: string, roleId: string) {
  assertNotSelf(actor, userId);
  const { roles } = await getManaged(deps.db, actor, userId);
  const role = roles.find((r) => r.id === roleId);
  if (!role) throw new AppError('NOT_FOUND');
  const grant = grantOf(role);
  if (!mayRevoke(actor.grants, grant)) throw new AppError('ROLE_TOO_WIDE');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.deleteRole(trx, userId, roleId);
    await appendAudit(trx, context, { action: 'auth.role_revoked', entityType: 'user', entityId: userId, detail: grant }, now);
  });
}

/** Disabling ends every session of the account at once; enabling lets its holder sign in again. */
export async function setAccountDisabled(deps: Deps, actor: Actor, context: AuditContext, userId: string, disabled: boolean) {
  assertNotSelf(actor, userId);
  const { roles } = await getManaged(deps.db, actor, userId);
  if (!mayDisableAccount(actor.grants, roles.map(grantOf))) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.setDisabled(trx, userId, disabled ? now : null);
    await appendAudit(trx, context, { action: disabled ? 'auth.disabled' : 'auth.enabled', entityType: 'user', entityId: userId }, now);
  });
}
