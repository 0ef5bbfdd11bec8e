import { maskPhone } from '../../../domain/identity/phone.ts';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import type { Actor } from '../access/access.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors/AppError.ts';
import { recordFailure, refusal } from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import * as q from './queries.ts';
import { newSessionToken, sessionIdOf } from './sessionToken.ts';
import { newTotpSecret, totpStep, totpUri } from './totp.ts';

export type LoginInput = { phone: string; password: string; totp?: string | undefined };
export type ClientInfo = { ip: string | null; userAgent: string | null };

/**
 * Signs in: returns the cookie token and the user. Every outcome is audited. Failures count per
 * phone number and address together (docs/architecture.md, "Sign-in that cannot be turned into a weapon").
 */
export async function login(deps: Deps, input: LoginInput, client: ClientInfo, context: AuditContext) {
  const { db, config, clock } = deps;
  const now = clock.now();
  const policy = { threshold: config.lockoutThreshold, minutes: config.lockoutMinutes };
  const ip = client.ip ?? 'unknown';
  const attempts = await q.findAttempts(db, input.phone, ip);
  const refused = refusal(attempts, now);
  if (refused) throw new AppError(refused.code, refused.params);
  const user = await q.findUserByPhone(db, input.phone);
  const passwordOk = await verifyPassword(user?.password_hash, input.password);
  const fail = async (code: 'INVALID_CREDENTIALS' | 'TOTP_INVALID') => {
    const next = recordFailure(attempts, now, policy);
    await db.transaction().execute(async (trx) => {
      await q.saveAttempts(trx, input.phone, ip, next);
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
    const step = totpStep(user.totp_secret, input.totp, now);
    if (step === null || !(await q.claimTotpStep(db, user.id, step))) return fail('TOTP_INVALID');
  }
  return db.transaction().execute(async (trx) => {
    // The owner got in, so failures from elsewhere no longer hold the number (from any address).
    await q.clearAttempts(trx, input.phone);
    const session = await openSession(trx, config, user.id, user.totp_enabled, client, now);
    await appendAudit(trx, { ...context, actorId: user.id }, { action: 'auth.login', entityType: 'user', entityId: user.id }, now);
    return session;
  });
}

/** A new session for a user who has just proved who they are, in the caller's transaction. */
export async function openSession(db: Db, config: Config, userId: string, secondFactor: boolean, client: ClientInfo, now: Date) {
  const token = newSessionToken();
  const expiresAt = new Date(now.getTime() + Math.min(config.sessionTtlHours * 3_600_000, config.sessionMaxDays * 86_400_000));
  await q.insertSession(db, { id: sessionIdOf(token), userId, createdAt: now, expiresAt, secondFactor, ...client });
  await q.recordSignIn(db, userId, now);
  return { token, expiresAt, userId };
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

/**
 * Starts enrolling a (new) second factor. The new secret waits until a code from it confirms it;
 * an account that already has one must first give its current code, so a borrowed session or a
 * password alone cannot swap or drop it.
 */
export async function startTotpEnrollment(deps: Deps, actor: Actor, currentCode: string | undefined, context: AuditContext) {
  const now = deps.clock.now();
  const user = await q.findUserById(deps.db, actor.userId);
  if (!user) throw new AppError('UNAUTHENTICATED');
  const secret = newTotpSecret();
  await deps.db.transaction().execute(async (trx) => {
    if (user.totp_enabled && user.totp_secret) {
      if (!currentCode) throw new AppError('TOTP_CODE_REQUIRED');
      const step = totpStep(user.totp_secret, currentCode, now);
      if (step === null || !(await q.claimTotpStep(trx, user.id, step))) throw new AppError('TOTP_INVALID');
    }
    await q.setPendingTotpSecret(trx, actor.userId, secret);
    await appendAudit(trx, context, { action: 'auth.totp_setup', entityType: 'user', entityId: actor.userId }, now);
  });
  return { secret, otpauthUrl: totpUri(secret, actor.phone) };
}

export async function confirmTotpEnrollment(deps: Deps, actor: Actor, code: string, context: AuditContext) {
  const now = deps.clock.now();
  const user = await q.findUserById(deps.db, actor.userId);
  const step = user?.totp_pending_secret ? totpStep(user.totp_pending_secret, code, now) : null;
  if (step === null) throw new AppError('TOTP_INVALID');
  await deps.db.transaction().execute(async (trx) => {
    await q.enableTotp(trx, actor.userId, actor.sessionId, step);
    await appendAudit(trx, context, { action: 'auth.totp_enabled', entityType: 'user', entityId: actor.userId }, now);
  });
}
