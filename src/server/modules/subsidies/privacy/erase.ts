import type { ErasureItem } from '../../../../domain/privacy/erasure.ts';
import type { Db } from '../../../db/executor.ts';

/**
 * Erases what this module holds of the children, in the caller's transaction. Kept: vouchers and
 * their redemptions (the ledger accounts for public money with them, and a won lottery entry
 * names its voucher), approved childcare-subsidy claims (paid from public funds) and the tax
 * deduction shares declared for the child. Erased: lottery entries that won nothing, and claims
 * still open or rejected.
 */
export async function eraseChildren(db: Db, childIds: string[]): Promise<ErasureItem[]> {
  if (childIds.length === 0) return [];
  const entries = await db
    .deleteFrom('voucher_applications')
    .where('child_id', 'in', childIds)
    .where('status', '<>', 'won')
    .executeTakeFirst();
  const claims = await db
    .deleteFrom('childcare_subsidy_claims')
    .where('child_id', 'in', childIds)
    .where('status', '<>', 'approved')
    .executeTakeFirst();
  const vouchers = await db.selectFrom('vouchers').select('id').where('child_id', 'in', childIds).execute();
  const paid = await db.selectFrom('childcare_subsidy_claims').select('id').where('child_id', 'in', childIds).execute();
  const shares = await db.selectFrom('tax_deduction_shares').select('year').where('child_id', 'in', childIds).execute();
  return [
    { kind: 'voucher_applications', result: 'erased', reason: 'on_request', count: Number(entries.numDeletedRows) },
    { kind: 'childcare_subsidy_claims', result: 'erased', reason: 'on_request', count: Number(claims.numDeletedRows) },
    { kind: 'vouchers', result: 'kept', reason: 'voucher_ledger', count: vouchers.length },
    { kind: 'childcare_subsidy_claims', result: 'kept', reason: 'subsidy_payments', count: paid.length },
    { kind: 'tax_deduction_shares', result: 'kept', reason: 'tax_records', count: shares.length },
  ];
}
