import { passwordProblem } from '../../../domain/identity/password.ts';
import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { AppError, fieldError } from '../errors/AppError.ts';
import { createAccount } from './accounts.ts';
import { hashPassword } from './passwords.ts';
import * as q from './queries.ts';
import { type ClientInfo, openSession } from './service.ts';
import { assertAddressMayTryCodes, spendCode } from './verificationCodes.ts';

export type RegisterInput = { phone: string; code: string; name: string; password: string };

function assertGoodPassword(password: string, phone: string) {
  const problem = passwordProblem(password, phone);
  if (problem) throw fieldError('password', problem);
}

/** The unique number of `users`, hit by two creations of one number at once. */
export function isPhoneTaken(err: unknown): boolean {
  const e = err as { code?: string; constraint?: string; message?: string };
  return e?.code === '23505' && `${e.constraint ?? ''} ${e.message ?? ''}`.includes('users_phone_key');
}

/**
 * A parent signs up with an SMS code: a new account with the parent role, signed in. A number
 * that has an account gets the very words of a wrong code, so sign-up reveals no account; two
 * sign-ups of one number at once make one account (the code row is locked, the number unique).
 */
export async function register(deps: Deps, input: RegisterInput, client: ClientInfo, context: AuditContext) {
  const now = deps.clock.now();
  const ip = client.ip ?? 'unknown';
  assertGoodPassword(input.password, input.phone);
  await assertAddressMayTryCodes(deps.db, ip, now);
  const passwordHash = await hashPassword(input.password);
  const outcome = await deps.db
    .transaction()
    .execute(async (trx) => {
      if (!(await spendCode(trx, input.phone, ['register', 'invitation'], input.code, ip, now))) return 'wrong_code' as const;
      if (await q.findUserByPhone(trx, input.phone)) return 'taken' as const;
      const userId = await createAccount(trx, { phone: input.phone, name: input.name, passwordHash, now }, [{ role: 'parent' }]);
      const session = await openSession(trx, deps.config, userId, false, client, now);
      await appendAudit(trx, { ...context, actorId: userId }, { action: 'auth.register', entityType: 'user', entityId: userId }, now);
      return session;
    })
    .catch((err) => {
      if (isPhoneTaken(err)) return 'taken' as const;
      throw err;
    });
  if (typeof outcome === 'string') throw new AppError('CODE_INVALID');
  return outcome;
}

export type ResetInput = { phone: string; code: string; password: string };

/** A forgotten password: the SMS code sets a new one and ends every session of the account. */
export async function resetPassword(deps: Deps, input: ResetInput, client: ClientInfo, context: AuditContext) {
  const now = deps.clock.now();
  const ip = client.ip ?? 'unknown';
  assertGoodPassword(input.password, input.phone);
  await assertAddressMayTryCodes(deps.db, ip, now);
  const passwordHash = await hashPassword(input.password);
  const done = await deps.db.transaction().execute(async (trx) => {
    if (!(await spendCode(trx, input.phone, ['reset_password'], input.code, ip, now))) return false;
    const user = await q.findUserByPhone(trx, input.phone);
    if (!user || user.disabled_at) return false;
    await q.setPassword(trx, user.id, passwordHash);
    await q.deleteUserSessions(trx, user.id);
    // Whoever holds the number has proved it: earlier failed sign-ins no longer hold it.
    await q.clearAttempts(trx, input.phone);
    await appendAudit(trx, { ...context, actorId: user.id }, { action: 'auth.password_reset', entityType: 'user', entityId: user.id }, now);
    return true;
  });
  if (!done) throw new AppError('CODE_INVALID');
}
