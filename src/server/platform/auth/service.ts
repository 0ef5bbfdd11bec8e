import { maskPhone } from '../../../domain/identity/phone.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../access/access.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors/AppError.ts';
import { isLocked, minutesLeft, recordFailure } from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import * as q from './queries.ts';
import { newSessionToken, sessionIdOf } from './sessionToken.ts';
import { checkTotp, newTotpSecret, totpUri } from './totp.ts';

export type LoginInput = { phone: string; password: string; totp?: string | undefined };
export type ClientInfo = { ip: string | null; userAgent: string | null };

/** Signs in: returns the cookie token and the user. Every outcome is audited. */
export async function login(deps: Deps, input: LoginInput, client: ClientInfo, requestId: string) {
  const { db, config, clock } = deps;
  const now = clock.now();
  const policy = { threshold: config.lockoutThreshold, minutes: config.lockoutMinutes };
  const context: AuditContext = { actorId: null, actorRole: null, ip: client.ip, requestId };
  const attempts = await q.findAttempts(db, input.phone);
  if (isLocked(attempts, now)) {
    throw new AppError('ACCOUNT_LOCKED', { minutes: minutesLeft(attempts!, now) });
  }
  const user = await q.findUserByPhone(db, input.phone);
  const passwordOk = await verifyPassword(user?.password_hash, input.password);
  const fail = async (code: 'INVALID_CREDENTIALS' | 'TOTP_INVALID') => {
    const next = recordFailure(attempts, now, policy);
    await db.transaction().execute(async (trx) => {
      await q.saveAttempts(trx, input.phone, next);
      await appendAudit(
        trx,
        { ...context, actorId: user?.id ?? null },
        {
          action: 'auth.login_failed',
          entityType: 'user',
          entityId: user?.id ?? null,
          detail: {
            phone: maskPhone(input.phone),
            reason: code === 'TOTP_INVALID' ? 'second_factor' : 'credentials',
            locked: next.lockedUntil !== null,
          },
        },
        now,
      );
    });
    throw new AppError(code);
  };
  if (!user || user.disabled_at || !passwordOk) return fail('INVALID_CREDENTIALS');
  if (user.totp_enabled && user.totp_secret) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED');
    if (!checkTotp(user.totp_secret, input.totp, now)) return fail('TOTP_INVALID');
  }
  const token = newSessionToken();
  const sessionId = sessionIdOf(token);
  const expiresAt = new Date(now.getTime() + config.sessionTtlHours * 3_600_000);
  await db.transaction().execute(async (trx) => {
    await q.clearAttempts(trx, input.phone);
    await q.insertSession(trx, { id: sessionId, userId: user.id, expiresAt, secondFactor: user.totp_enabled, ...client });
    await appendAudit(trx, { ...context, actorId: user.id }, { action: 'auth.login', entityType: 'user', entityId: user.id }, now);
  });
  return { token, expiresAt, userId: user.id };
}

export async function logout(deps: Deps, actor: Actor, context: AuditContext, everywhere: boolean) {
  await deps.db.transaction().execute(async (trx) => {
    if (everywhere) await q.deleteUserSessions(trx, actor.userId);
    else await q.deleteSession(trx, actor.sessionId);
    await appendAudit(
      trx,
      context,
      { action: everywhere ? 'auth.logout_all' : 'auth.logout', entityType: 'user', entityId: actor.userId },
      deps.clock.now(),
    );
  });
}

/** The profile the web app needs: who, and in which roles and scopes. */
export async function getMe(deps: Deps, userId: string) {
  const user = await q.findUserById(deps.db, userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const grants = await q.findGrants(deps.db, userId);
  return { id: user.id, phone: user.phone, name: user.name, roles: grants, totpEnabled: user.totp_enabled };
}

export async function startTotpEnrollment(deps: Deps, actor: Actor, context: AuditContext) {
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (trx) => {
    await q.setTotpSecret(trx, actor.userId, secret);
    await appendAudit(trx, context, { action: 'auth.totp_setup', entityType: 'user', entityId: actor.userId }, deps.clock.now());
  });
  return { secret, otpauthUrl: totpUri(secret, actor.phone) };
}

export async function confirmTotpEnrollment(deps: Deps, actor: Actor, code: string, context: AuditContext) {
  const user = await q.findUserById(deps.db, actor.userId);
  if (!user?.totp_secret || !checkTotp(user.totp_secret, code, deps.clock.now())) throw new AppError('TOTP_INVALID');
  await deps.db.transaction().execute(async (trx) => {
    await q.enableTotp(trx, actor.userId, actor.sessionId);
    await appendAudit(trx, context, { action: 'auth.totp_enabled', entityType: 'user', entityId: actor.userId }, deps.clock.now());
  });
}
