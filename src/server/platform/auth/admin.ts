import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors/AppError.ts';
import * as q from './queries.ts';

/**
 * An admin removes a user's second factor (a lost phone). The user signs in with the password
 * alone and must enrol again where a second factor is required; the audit log says who did it.
 */
export async function resetSecondFactor(deps: Deps, userId: string, context: AuditContext) {
  const user = await q.findUserById(deps.db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await q.resetTotp(trx, userId);
    await appendAudit(
      trx,
      context,
      { action: 'auth.totp_reset', entityType: 'user', entityId: userId, detail: { wasEnabled: user.totp_enabled } },
      deps.clock.now(),
    );
  });
}

/** An admin lifts every sign-in lock and delay on a user's phone number, from every address. */
export async function unlockSignIn(deps: Deps, userId: string, context: AuditContext) {
  const user = await q.findUserById(deps.db, userId);
  if (!user) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    await q.clearAttempts(trx, user.phone);
    await appendAudit(trx, context, { action: 'auth.unlocked', entityType: 'user', entityId: userId }, deps.clock.now());
  });
}
