import { randomBytes } from 'node:crypto';
import { isMobilePhone } from '../domain/identity/phone.ts';
import type { Deps } from '../server/deps.ts';
import { appendAudit, SYSTEM_CONTEXT } from '../server/platform/audit/auditLog.ts';
import { hashPassword, isAcceptablePassword } from '../server/platform/auth/passwords.ts';

/** Creates an administrator; with no password given, generates one the caller shows once. */
export async function createAdmin(deps: Deps, phone: string, name: string, password?: string) {
  if (!isMobilePhone(phone)) throw new Error(`Not a mainland mobile number: ${phone}`);
  if (password !== undefined && !isAcceptablePassword(password)) {
    throw new Error('The password needs at least 10 characters with letters and digits');
  }
  const generatedPassword = password === undefined ? `${randomBytes(12).toString('base64url')}7a` : undefined;
  const hash = await hashPassword(password ?? (generatedPassword as string));
  await deps.db.transaction().execute(async (trx) => {
    const exists = await trx.selectFrom('users').select('id').where('phone', '=', phone).executeTakeFirst();
    if (exists) throw new Error(`A user with phone ${phone} already exists`);
    const user = await trx.insertInto('users').values({ phone, name, password_hash: hash }).returning('id').executeTakeFirstOrThrow();
    await trx.insertInto('user_roles').values({ user_id: user.id, role: 'admin' }).execute();
    await appendAudit(
      trx,
      { ...SYSTEM_CONTEXT, actorRole: 'cli' },
      { action: 'user.create_admin', entityType: 'user', entityId: user.id },
      deps.clock.now(),
    );
  });
  return { generatedPassword };
}
