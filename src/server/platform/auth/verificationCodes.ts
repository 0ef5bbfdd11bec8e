import { createHash, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../errors/AppError.ts';
import type { Locale } from '../i18n/locale.ts';
import { enqueueMessages } from '../messaging/outbox.ts';

export type CodePurpose = 'register' | 'reset_password' | 'invitation' | 'complaint';

/** The limits of issue 13: a code lives 10 minutes and survives 5 wrong tries. */
export const CODE_POLICY = {
  ttlMinutes: 10,
  maxWrongTries: 5,
  /** One code per number per minute, ten per rolling day. */
  phoneGapSeconds: 60,
  phonePerDay: 10,
  /** Per client address and rolling hour: codes asked for, wrong codes entered. */
  addressCodesPerHour: 20,
  addressFailuresPerHour: 30,
} as const;

const HOUR = 3_600_000;

/** A 6-digit code has only a million values, so the row's random id salts it. */
function hashCode(id: string, code: string): string {
  return createHash('sha256').update(`${id}:${code}`).digest('hex');
}

const TEXT: Record<Locale, (code: string) => string> = {
  'zh-CN': (code) => `【托育服务平台】您的验证码是${code}，${CODE_POLICY.ttlMinutes}分钟内有效。请勿告诉他人。`,
  en: (code) => `[tuoyu] Your code is ${code}, valid for ${CODE_POLICY.ttlMinutes} minutes. Do not share it.`,
};

/**
 * Sends a code by SMS unless the number or the address has had its share (then nothing is sent).
 * The caller answers the same either way, so the answer tells neither whether the number has an
 * account nor how close it is to a limit; only the number's holder reads the code. The row and
 * its message commit together; the code itself is neither returned nor logged.
 */
export async function requestCode(deps: Deps, phone: string, purpose: CodePurpose, ip: string, locale: Locale) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Two requests for one number at once take turns, so neither slips past the per-minute limit.
    await sql`select pg_advisory_xact_lock(hashtext(${`verification:${phone}`}))`.execute(trx);
    const dayAgo = new Date(now.getTime() - 24 * HOUR);
    const recent = await trx
      .selectFrom('verification_codes')
      .select('created_at')
      .where('phone', '=', phone)
      .where('created_at', '>', dayAgo)
      .orderBy('created_at', 'desc')
      .execute();
    const latest = recent[0] ? new Date(recent[0].created_at).getTime() : null;
    const wait = latest === null ? 0 : Math.ceil((latest + CODE_POLICY.phoneGapSeconds * 1000 - now.getTime()) / 1000);
    if (wait > 0 || recent.length >= CODE_POLICY.phonePerDay) return;
    const fromAddress = await trx
      .selectFrom('verification_codes')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('ip', '=', ip)
      .where('created_at', '>', new Date(now.getTime() - HOUR))
      .executeTakeFirstOrThrow();
    if (Number(fromAddress.n) >= CODE_POLICY.addressCodesPerHour) return;

    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = randomUUID();
    await trx
      .insertInto('verification_codes')
      .values({
        id,
        phone,
        purpose,
        code_hash: hashCode(id, code),
        ip,
        created_at: now,
        expires_at: new Date(now.getTime() + CODE_POLICY.ttlMinutes * 60_000),
      })
      .execute();
    await enqueueMessages(
      trx,
      [{ channel: 'sms', to: phone, template: 'auth.verification_code', params: { code }, body: TEXT[locale](code) }],
      now,
    );
  });
}

/** Refuses at once when this address has entered too many wrong codes lately. */
export async function assertAddressMayTryCodes(db: Db, ip: string, now: Date) {
  const row = await db
    .selectFrom('verification_failures')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('ip', '=', ip)
    .where('failed_at', '>', new Date(now.getTime() - HOUR))
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= CODE_POLICY.addressFailuresPerHour) throw new AppError('CODE_ADDRESS_LIMITED');
}

/**
 * Spends the number's newest live code if `code` matches, inside the caller's transaction, and
 * says whether it did. A wrong code counts against the code and the address; the caller commits
 * that count and then refuses. The row is locked, so a code is spent once however many requests
 * race for it.
 */
export async function spendCode(trx: Db, phone: string, purposes: CodePurpose[], code: string, ip: string, now: Date): Promise<boolean> {
  const row = await trx
    .selectFrom('verification_codes')
    .select(['id', 'code_hash'])
    .where('phone', '=', phone)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .where('failed_attempts', '<', CODE_POLICY.maxWrongTries)
    .orderBy('created_at', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  const matches = row !== undefined && timingSafeEqual(Buffer.from(hashCode(row.id, code), 'hex'), Buffer.from(row.code_hash, 'hex'));
  if (row && matches) {
    await trx.updateTable('verification_codes').set({ used_at: now }).where('id', '=', row.id).execute();
    return true;
  }
  if (row) {
    await trx
      .updateTable('verification_codes')
      .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
  }
  await trx.insertInto('verification_failures').values({ ip, failed_at: now }).execute();
  return false;
}

/** Old codes and failures are of no use after a day; kept no longer. */
export async function pruneVerificationCodes(db: Db, now: Date) {
  const dayAgo = new Date(now.getTime() - 24 * HOUR);
  await db.deleteFrom('verification_codes').where('created_at', '<', dayAgo).execute();
  await db.deleteFrom('verification_failures').where('failed_at', '<', dayAgo).execute();
}
