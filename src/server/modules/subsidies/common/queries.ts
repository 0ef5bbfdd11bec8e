import { type Insertable, sql, type Transaction } from 'kysely';
import { BALANCE_ACCOUNTS, type BalanceAccount } from '../../../../domain/subsidies/ledger.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB, VoucherLedgerEntriesTable } from '../../../db/schema.ts';

const COLUMN = {
  unissued: 'unissued_fen',
  outstanding: 'outstanding_fen',
  redeemed: 'redeemed_fen',
  payable: 'payable_fen',
  paid: 'paid_fen',
  expired: 'expired_fen',
} as const satisfies Record<BalanceAccount, string>;

/**
 * Moves the program's balance columns by the deltas in a single conditional UPDATE: it changes
 * nothing when an account would go below zero, and holds the program row's lock until commit.
 * Returns whether the balances moved (true when there is nothing to move).
 */
export async function moveBalances(trx: Transaction<DB>, programId: string, deltas: Record<BalanceAccount, number>) {
  const moved = BALANCE_ACCOUNTS.filter((a) => deltas[a] !== 0);
  if (moved.length === 0) return true;
  const updated = await trx
    .updateTable('voucher_programs')
    .set(Object.fromEntries(moved.map((a) => [COLUMN[a], sql`${sql.ref(COLUMN[a])} + ${deltas[a]}::bigint`])))
    .where('id', '=', programId)
    .where(({ and }) => and(moved.filter((a) => deltas[a] < 0).map((a) => sql<boolean>`${sql.ref(COLUMN[a])} >= ${-deltas[a]}::bigint`)))
    .returning('id')
    .executeTakeFirst();
  return updated !== undefined;
}

/** Appends ledger entries (append-only, by trigger). */
export async function insertLedgerEntries(trx: Transaction<DB>, rows: Insertable<VoucherLedgerEntriesTable>[]) {
  // 4,000 rows of 10 values per statement stays under PostgreSQL's 65,535 parameters.
  for (let i = 0; i < rows.length; i += 4_000) {
    await trx
      .insertInto('voucher_ledger_entries')
      .values(rows.slice(i, i + 4_000))
      .execute();
  }
}

const CHILD_COLUMNS = ['c.id', 'c.name', 'c.birth_date', 'c.residence_division_code'] as const;

/** A guardian's children, youngest last (the children module's tables; see README, Reads from). */
export function findGuardianChildren(db: Db, guardianUserId: string) {
  return db
    .selectFrom('children as c')
    .innerJoin('child_guardians as g', 'g.child_id', 'c.id')
    .select(CHILD_COLUMNS)
    .where('g.user_id', '=', guardianUserId)
    .orderBy('c.birth_date')
    .execute();
}

/** The facts eligibility and the family benefits need of these children. */
export function findChildren(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('children as c').select(CHILD_COLUMNS).where('c.id', 'in', ids).execute();
}
