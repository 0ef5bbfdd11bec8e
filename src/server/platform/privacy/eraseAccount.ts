import { ERASED_NAME, type ErasureItem } from '../../../domain/privacy/erasure.ts';
import type { Db } from '../../db/executor.ts';

/**
 * Erases an account in the caller's transaction. The row stays, since kept records and the audit
 * log point at it, but nothing of the person: the number becomes `erased:<id>` (no sign-in can
 * name it), the name `已删除`, the password and second factor are cleared, and the account is
 * disabled. Sessions and roles end; notifications, preferences (the e-mail address), sent
 * messages, codes and sign-in failures of the number are deleted. Messages still pending stay,
 * so the notice of this erasure queued in the same transaction still reaches the number.
 */
export async function eraseAccount(db: Db, userId: string, now: Date): Promise<ErasureItem[]> {
  const user = await db.selectFrom('users').select('phone').where('id', '=', userId).forUpdate().executeTakeFirstOrThrow();
  await db
    .updateTable('users')
    .set({
      phone: `erased:${userId}`,
      name: ERASED_NAME,
      password_hash: '',
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled: false,
      totp_last_step: null,
      disabled_at: now,
      erased_at: now,
    })
    .where('id', '=', userId)
    .execute();
  const sessions = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  const roles = await db.deleteFrom('user_roles').where('user_id', '=', userId).executeTakeFirst();
  const notifications = await db.deleteFrom('notifications').where('user_id', '=', userId).executeTakeFirst();
  await db.deleteFrom('notification_preferences').where('user_id', '=', userId).execute();
  const messages = await db
    .deleteFrom('outbound_messages')
    .where('user_id', '=', userId)
    .where('status', '<>', 'pending')
    .executeTakeFirst();
  await db.deleteFrom('verification_codes').where('phone', '=', user.phone).execute();
  await db.deleteFrom('login_attempts').where('phone', '=', user.phone).execute();
  return [
    { kind: 'account', result: 'anonymised', reason: 'referenced_by_kept_records', count: 1 },
    {
      kind: 'sessions_and_roles',
      result: 'erased',
      reason: 'on_request',
      count: Number(sessions.numDeletedRows) + Number(roles.numDeletedRows),
    },
    {
      kind: 'notifications',
      result: 'erased',
      reason: 'on_request',
      count: Number(notifications.numDeletedRows) + Number(messages.numDeletedRows),
    },
  ];
}
