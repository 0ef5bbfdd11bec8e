import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import {
  BALANCE_ACCOUNTS,
  type BalanceAccount,
  deltasOf,
  type LedgerKind,
  postingsOf,
  type Transfer,
} from '../../../../domain/subsidies/ledger.ts';
import type { DB } from '../../../db/schema.ts';

const COLUMN = {
  unissued: 'unissued_fen',
  outstanding: 'outstanding_fen',
  redeemed: 'redeemed_fen',
  payable: 'payable_fen',
  paid: 'paid_fen',
  expired: 'expired_fen',
} as const satisfies Record<BalanceAccount, string>;

export type LedgerRefs = { voucherId?: string; redemptionId?: string; settlementId?: string; institutionId?: string };

/** One ledger transaction: its transfers, what they concern, and when (default: the call's time). */
export type LedgerItem = { transfers: Transfer[]; refs: LedgerRefs; at?: Date };

/**
 * The one writer of money movements. Moves the program's balances by the items' transfers in a
 * single conditional UPDATE — it changes nothing when an account would go below zero, and holds
 * the program row's lock until commit — then appends each item as a balanced transaction.
 * Returns the transaction ids, or undefined when an account was short (the caller knows which
 * error that is).
 */
export async function postToLedger(
  trx: Transaction<DB>,
  programId: string,
  kind: LedgerKind,
  items: LedgerItem[],
  at: Date,
): Promise<string[] | undefined> {
  const deltas = deltasOf(items.flatMap((i) => i.transfers));
  const moved = BALANCE_ACCOUNTS.filter((a) => deltas[a] !== 0);
  if (moved.length > 0) {
    const updated = await trx
      .updateTable('voucher_programs')
      .set(Object.fromEntries(moved.map((a) => [COLUMN[a], sql`${sql.ref(COLUMN[a])} + ${deltas[a]}::bigint`])))
      .where('id', '=', programId)
      .where(({ and }) => and(moved.filter((a) => deltas[a] < 0).map((a) => sql<boolean>`${sql.ref(COLUMN[a])} >= ${-deltas[a]}::bigint`)))
      .returning('id')
      .executeTakeFirst();
    if (!updated) return undefined;
  }
  return appendEntries(trx, programId, kind, items, at);
}

/**
 * Appends balanced transactions without moving balances: for rows written with their balances
 * already in place (a program inserted funded, a draft's budget rewritten together with its
 * unissued amount), as the ledger-equation check requires.
 */
export async function appendEntries(
  trx: Transaction<DB>,
  programId: string,
  kind: LedgerKind,
  items: LedgerItem[],
  at: Date,
): Promise<string[]> {
  const txnIds = items.map(() => randomUUID());
  const rows = items.flatMap((item, i) =>
    postingsOf(item.transfers).map((p) => ({
      txn_id: txnIds[i] as string,
      program_id: programId,
      kind,
      account: p.account,
      amount_fen: p.amountFen,
      voucher_id: item.refs.voucherId ?? null,
      redemption_id: item.refs.redemptionId ?? null,
      settlement_id: item.refs.settlementId ?? null,
      institution_id: item.refs.institutionId ?? null,
      at: item.at ?? at,
    })),
  );
  // 4,000 rows of 10 values per statement stays under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 4_000) {
    await trx
      .insertInto('voucher_ledger_entries')
      .values(rows.slice(i, i + 4_000))
      .execute();
  }
  return txnIds;
}
