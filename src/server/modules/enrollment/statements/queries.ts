import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, FeeStatementLinesTable, FeeStatementsTable } from '../../../db/schema.ts';
import { RULE_DEFAULTS } from '../common/queries.ts';

/** The institution's fees per class type and the absence rule it states (undefined: no such institution). */
export async function findFeeRule(db: Db, institutionId: string) {
  const row = await db
    .selectFrom('institutions as i')
    .leftJoin('institution_enrollment_rules as r', 'r.institution_id', 'i.id')
    .select([
      'i.id',
      'i.name',
      'r.refund_after_days',
      'r.refund_percent',
      'i.fee_infant_fen',
      'i.fee_toddler_fen',
      'i.fee_older_toddler_fen',
      'i.fee_mixed_fen',
    ])
    .where('i.id', '=', institutionId)
    .executeTakeFirst();
  return (
    row && {
      ...row,
      refund_after_days: row.refund_after_days ?? RULE_DEFAULTS.refund_after_days,
      refund_percent: row.refund_percent ?? RULE_DEFAULTS.refund_percent,
    }
  );
}
export type FeeRuleRow = NonNullable<Awaited<ReturnType<typeof findFeeRule>>>;

export async function saveAbsenceRule(
  db: Db,
  institutionId: string,
  rule: { refundAfterDays: number; refundPercent: number },
  now: Date,
): Promise<void> {
  const values = { refund_after_days: rule.refundAfterDays, refund_percent: rule.refundPercent, updated_at: now };
  await db
    .insertInto('institution_enrollment_rules')
    .values({ institution_id: institutionId, ...values })
    .onConflict((oc) => oc.column('institution_id').doUpdateSet(values))
    .execute();
}

/** Enrollments at the institution that overlap the month, with the class type in force. */
export function findEnrollmentsInMonth(db: Db, institutionId: string, first: string, last: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('institution_classes as k', 'k.id', 'e.class_id')
    .select((eb) => [
      'e.id',
      'e.child_id',
      'c.name as child_name',
      'e.class_id',
      eb.fn.coalesce('k.filed_class_type', 'k.class_type').as('class_type'),
      'e.start_date',
      'e.end_date',
    ])
    .where('e.institution_id', '=', institutionId)
    .where('e.start_date', '<=', last)
    .where((w) => w.or([w('e.end_date', 'is', null), w('e.end_date', '>=', first)]))
    .orderBy('c.name')
    .orderBy('e.start_date')
    .execute();
}

export function findAbsentDays(db: Db, institutionId: string, first: string, last: string) {
  return db
    .selectFrom('attendance')
    .select(['child_id', 'day'])
    .where('institution_id', '=', institutionId)
    .where('status', '=', 'absent')
    .where('day', '>=', first)
    .where('day', '<=', last)
    .execute();
}

/** The month's statements of the institution, locked while they are regenerated, with their live deductions. */
export function lockStatementsOfMonth(trx: Transaction<DB>, institutionId: string, month: string) {
  return trx
    .selectFrom('fee_statements as s')
    .select((eb) => [
      's.id',
      's.child_id',
      eb
        .selectFrom('statement_deductions as d')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('d.statement_id', '=', 's.id')
        .where('d.reversed_at', 'is', null)
        .as('deductions'),
    ])
    .where('s.institution_id', '=', institutionId)
    .where('s.month', '=', month)
    .forUpdate()
    .execute();
}

export type StatementFilter = {
  ids?: string[];
  institutionId?: string;
  month?: string;
  childId?: string;
  institutionIds?: string[] | null;
};

export function findStatements(db: Db, f: StatementFilter) {
  if (f.ids?.length === 0 || f.institutionIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('fee_statements as s')
    .innerJoin('children as c', 'c.id', 's.child_id')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .innerJoin('institution_classes as k', 'k.id', 's.class_id')
    .selectAll('s')
    .select((eb) => ['c.name as child_name', 'i.name as institution_name', eb.fn.coalesce('k.filed_name', 'k.name').as('class_name')]);
  if (f.ids) query = query.where('s.id', 'in', f.ids);
  if (f.institutionId) query = query.where('s.institution_id', '=', f.institutionId);
  if (f.month) query = query.where('s.month', '=', f.month);
  if (f.childId) query = query.where('s.child_id', '=', f.childId);
  if (f.institutionIds) query = query.where('s.institution_id', 'in', f.institutionIds);
  return query.orderBy('s.month', 'desc').orderBy('c.name').execute();
}
export type StatementRow = Awaited<ReturnType<typeof findStatements>>[number];

export function findLines(db: Db, statementIds: string[]) {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('fee_statement_lines')
    .selectAll()
    .where('statement_id', 'in', statementIds)
    .orderBy('statement_id')
    .orderBy('position')
    .execute();
}
export type LineRow = Awaited<ReturnType<typeof findLines>>[number];

export function findLiveDeductions(db: Db, statementIds: string[]) {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('statement_deductions')
    .selectAll()
    .where('statement_id', 'in', statementIds)
    .where('reversed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
export type DeductionRow = Awaited<ReturnType<typeof findLiveDeductions>>[number];

/**
 * Writes the month's statements (one per child, institution and month), replacing the figures
 * of those already there; returns the ids of the rows written.
 */
export function upsertStatements(trx: Transaction<DB>, rows: Insertable<FeeStatementsTable>[]) {
  return trx
    .insertInto('fee_statements')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['child_id', 'institution_id', 'month']).doUpdateSet((eb) => ({
        class_id: eb.ref('excluded.class_id'),
        class_type: eb.ref('excluded.class_type'),
        monthly_fee_fen: eb.ref('excluded.monthly_fee_fen'),
        service_days: eb.ref('excluded.service_days'),
        charged_days: eb.ref('excluded.charged_days'),
        absent_days: eb.ref('excluded.absent_days'),
        refund_after_days: eb.ref('excluded.refund_after_days'),
        refund_percent: eb.ref('excluded.refund_percent'),
        subtotal_fen: eb.ref('excluded.subtotal_fen'),
        generated_at: eb.ref('excluded.generated_at'),
        generated_by: eb.ref('excluded.generated_by'),
      })),
    )
    .returning(['id', 'child_id'])
    .execute();
}

/** Replaces the lines of the statements with the ones given. */
export async function replaceLines(trx: Transaction<DB>, statementIds: string[], lines: Insertable<FeeStatementLinesTable>[]) {
  await trx.deleteFrom('fee_statement_lines').where('statement_id', 'in', statementIds).execute();
  await trx.insertInto('fee_statement_lines').values(lines).execute();
}

/**
 * What other modules may do to a fee statement: read it, lock it, and add or reverse a
 * deduction (a voucher redemption). The statement writer skips statements with deductions under
 * the same lock, so a deduction and a regeneration never cross (README, invariant 5).
 */
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
