import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, VoucherRedemptionsTable } from '../../../db/schema.ts';

/** Redemptions with the voucher code, child and statement month, for presenting. */
export function findRedemptions(
  db: Db,
  f: {
    ids?: string[];
    institutionId?: string;
    month?: string;
    settlementId?: string;
    key?: { institutionId: string; idempotencyKey: string };
  },
) {
  if (f.ids?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('voucher_redemptions as r')
    .innerJoin('vouchers as v', 'v.id', 'r.voucher_id')
    .innerJoin('children as c', 'c.id', 'r.child_id')
    .innerJoin('fee_statements as s', 's.id', 'r.statement_id')
    .leftJoin('voucher_settlements as st', 'st.id', 'r.settlement_id')
    .selectAll('r')
    .select(['v.code', 'c.name as child_name', 's.month as statement_month', 'st.status as settlement_status']);
  if (f.ids) q = q.where('r.id', 'in', f.ids);
  if (f.institutionId) q = q.where('r.institution_id', '=', f.institutionId);
  if (f.month) q = q.where('r.month', '=', f.month);
  if (f.settlementId) q = q.where('r.settlement_id', '=', f.settlementId);
  if (f.key) q = q.where('r.institution_id', '=', f.key.institutionId).where('r.idempotency_key', '=', f.key.idempotencyKey);
  return q.orderBy('r.redeemed_at').orderBy('r.id').execute();
}
export type RedemptionRow = Awaited<ReturnType<typeof findRedemptions>>[number];

export function lockRedemption(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('voucher_redemptions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/**
 * Whether the child held a place at the institution at some time between the two dates. The
 * current place is found through the one-active-place-per-child index; only a child without one
 * there needs the (rarer) look at past places.
 */
export async function wasEnrolledBetween(db: Db, childId: string, institutionId: string, first: string, last: string) {
  const current = await db
    .selectFrom('enrolments')
    .select(['institution_id', 'start_date'])
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  if (current?.institution_id === institutionId && current.start_date <= last) return true;
  const past = await db
    .selectFrom('enrolments')
    .select('id')
    .where('child_id', '=', childId)
    .where('institution_id', '=', institutionId)
    .where('end_date', 'is not', null)
    .where('start_date', '<=', last)
    .where('end_date', '>=', first)
    .limit(1)
    .executeTakeFirst();
  return past !== undefined;
}

/** The redemption an institution made under an idempotency key, if any. */
export function findRedemptionIdByKey(trx: Transaction<DB>, institutionId: string, idempotencyKey: string) {
  return trx
    .selectFrom('voucher_redemptions')
    .select('id')
    .where('institution_id', '=', institutionId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export async function insertRedemption(trx: Transaction<DB>, row: Insertable<VoucherRedemptionsTable>) {
  await trx.insertInto('voucher_redemptions').values(row).execute();
}

export async function markReversed(trx: Transaction<DB>, id: string, by: string, reason: string, now: Date) {
  await trx
    .updateTable('voucher_redemptions')
    .set({ reversed_at: now, reversed_by: by, reversal_reason: reason })
    .where('id', '=', id)
    .execute();
}
