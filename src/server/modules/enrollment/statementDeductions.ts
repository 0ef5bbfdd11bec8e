import type { Transaction } from 'kysely';
import type { Db } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';

/**
 * What other modules may do to a fee statement: read it, lock it, and add or reverse a
 * deduction (a voucher redemption). The statement writer skips statements with deductions under
 * the same lock, so a deduction and a regeneration never cross (README, invariant 5).
 */
export function findStatementForDeduction(db: Db, id: string) {
  return db
    .selectFrom('fee_statements')
    .select(['id', 'child_id', 'institution_id', 'month', 'subtotal_fen'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The statement row, locked for the rest of the transaction, with what its live deductions already take off. */
export async function lockStatementForDeduction(trx: Transaction<DB>, id: string) {
  const statement = await trx
    .selectFrom('fee_statements')
    .select(['id', 'child_id', 'institution_id', 'month', 'subtotal_fen'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!statement) return undefined;
  const deducted = await trx
    .selectFrom('statement_deductions')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_fen'), eb.lit(0)).as('total'))
    .where('statement_id', '=', id)
    .where('reversed_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { ...statement, deductedFen: Number(deducted.total) };
}

export type Deduction = { statementId: string; amountFen: number; kind: 'voucher'; reference: string };

/** Adds a deduction to a statement locked by lockStatementForDeduction; returns its id. */
export async function addDeduction(trx: Transaction<DB>, deduction: Deduction, now: Date): Promise<string> {
  const row = await trx
    .insertInto('statement_deductions')
    .values({
      statement_id: deduction.statementId,
      amount_fen: deduction.amountFen,
      kind: deduction.kind,
      reference: deduction.reference,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function reverseDeduction(trx: Transaction<DB>, deductionId: string, now: Date): Promise<void> {
  await trx.updateTable('statement_deductions').set({ reversed_at: now }).where('id', '=', deductionId).execute();
}
