import type { Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

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
