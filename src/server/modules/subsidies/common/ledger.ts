import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { deltasOf, type LedgerKind, postingsOf, type Transfer } from '../../../../domain/subsidies/ledger.ts';
import type { DB } from '../../../db/schema.ts';
import { insertLedgerEntries, moveBalances } from './queries.ts';

export type LedgerRefs = { voucherId?: string; redemptionId?: string; settlementId?: string; institutionId?: string };

/** One ledger transaction: its transfers, what they concern, and when (default: the call's time). */
export type LedgerItem = { transfers: Transfer[]; refs: LedgerRefs; at?: Date };

/**
 * The one writer of money movements. Moves the program's balances by the items' transfers in a
 * single conditional UPDATE (`moveBalances`) — it changes nothing when an account would go below
 * zero, and holds the program row's lock until commit — then appends each item as a balanced
 * transaction.
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
  if (!(await moveProgramBalances(trx, programId, items))) return undefined;
  return appendEntries(trx, programId, kind, items, at);
}

/**
 * The balances' half of a posting, for a caller that appends the entries first and takes the
 * program row's lock last (a redemption): false when an account would go short, and the caller
 * must then roll back, entries and all.
 */
export function moveProgramBalances(trx: Transaction<DB>, programId: string, items: LedgerItem[]): Promise<boolean> {
  return moveBalances(trx, programId, deltasOf(items.flatMap((i) => i.transfers)));
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
  await insertLedgerEntries(trx, rows);
  return txnIds;
}
