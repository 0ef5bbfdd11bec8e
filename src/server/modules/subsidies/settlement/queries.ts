import type { Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope } from '../../../platform/access/visibility.ts';

/**
 * The month's live, unsettled redemptions, locked. A redemption another settlement (or a
 * reversal) took while this one waited is re-checked by PostgreSQL against the WHERE clause
 * after the wait, and drops out.
 */
export function lockUnsettled(trx: Transaction<DB>, month: string) {
  return trx
    .selectFrom('voucher_redemptions')
    .select(['id', 'institution_id', 'program_id', 'amount_fen'])
    .where('month', '=', month)
    .where('reversed_at', 'is', null)
    .where('settlement_id', 'is', null)
    .orderBy('institution_id')
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Settlements the caller may see: all (city), their district's institutions', or their own institution's. */
export function findSettlements(db: Db, scope: Scope, f: { ids?: string[]; month?: string }) {
  if (f.ids?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('voucher_settlements as s')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .selectAll('s')
    .select(['i.name as institution_name', 'i.credit_code']);
  if (!scope.cityWide) {
    q = q.where((eb) =>
      eb.or([
        ...(scope.institutionIds.length ? [eb('s.institution_id', 'in', scope.institutionIds)] : []),
        divisionCodeInScope(scope, 'i.division_code'),
      ]),
    );
  }
  if (f.ids) q = q.where('s.id', 'in', f.ids);
  if (f.month) q = q.where('s.month', '=', f.month);
  return q.orderBy('s.month', 'desc').orderBy('i.name').orderBy('s.settled_at').execute();
}
export type SettlementRow = Awaited<ReturnType<typeof findSettlements>>[number];

export function findLines(db: Db, settlementIds: string[]) {
  if (settlementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('voucher_settlement_lines as l')
    .innerJoin('voucher_programs as p', 'p.id', 'l.program_id')
    .select(['l.settlement_id', 'l.program_id', 'p.name as program_name', 'l.amount_fen', 'l.redemptions'])
    .where('l.settlement_id', 'in', settlementIds)
    .orderBy('p.name')
    .execute();
}

export function findSettledRedemptions(db: Db, settlementIds: string[]) {
  if (settlementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('voucher_redemptions as r')
    .innerJoin('vouchers as v', 'v.id', 'r.voucher_id')
    .innerJoin('children as c', 'c.id', 'r.child_id')
    .innerJoin('fee_statements as f', 'f.id', 'r.statement_id')
    .select([
      'r.id',
      'r.settlement_id',
      'r.institution_id',
      'r.program_id',
      'v.code',
      'r.amount_fen',
      'r.redeemed_at',
      'f.month as statement_month',
      'r.child_id',
      'c.name as child_name',
    ])
    .where('r.settlement_id', 'in', settlementIds)
    .orderBy('r.redeemed_at')
    .orderBy('r.id')
    .execute();
}

export function lockSettlement(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('voucher_settlements').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export function insertSettlement(
  trx: Transaction<DB>,
  row: { institution_id: string; month: string; total_fen: number; redemptions: number; settled_at: Date; settled_by: string },
) {
  return trx.insertInto('voucher_settlements').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The redemptions become part of the settlement (and can no longer be reversed). */
export async function assignToSettlement(trx: Transaction<DB>, redemptionIds: string[], settlementId: string) {
  await trx.updateTable('voucher_redemptions').set({ settlement_id: settlementId }).where('id', 'in', redemptionIds).execute();
}

export async function insertSettlementLine(
  trx: Transaction<DB>,
  row: { settlement_id: string; program_id: string; amount_fen: number; redemptions: number },
) {
  await trx.insertInto('voucher_settlement_lines').values(row).execute();
}

export async function markSettlementPaid(trx: Transaction<DB>, id: string, payment: { paidAt: Date; paidBy: string; reference: string }) {
  await trx
    .updateTable('voucher_settlements')
    .set({ status: 'paid', paid_at: payment.paidAt, paid_by: payment.paidBy, payment_reference: payment.reference })
    .where('id', '=', id)
    .execute();
}
