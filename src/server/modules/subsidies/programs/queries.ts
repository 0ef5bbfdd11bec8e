import { sql, type Transaction } from 'kysely';
import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';

export function findPrograms(db: Db, filter: { ids?: string[]; notDraft?: boolean } = {}) {
  let q = db.selectFrom('voucher_programs').selectAll();
  if (filter.ids) q = q.where('id', 'in', filter.ids.length ? filter.ids : ['00000000-0000-0000-0000-000000000000']);
  if (filter.notDraft) q = q.where('status', '<>', 'draft');
  return q.orderBy('valid_from', 'desc').orderBy('created_at', 'desc').execute();
}
export type ProgramRow = Awaited<ReturnType<typeof findPrograms>>[number];

export async function findProgram(db: Db, id: string): Promise<ProgramRow | undefined> {
  return (await findPrograms(db, { ids: [id] }))[0];
}

/** The program row, locked until the transaction ends: claims and status changes take it first. */
export function lockProgram(trx: Transaction<DB>, id: string) {
  return trx.selectFrom('voucher_programs').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Officials see the programs of their division, the divisions above it, and those below it. */
export function programVisibleTo(scope: Scope, program: { division_code: string; status: string }): boolean {
  if (scope.cityWide) return true;
  const official = scope.divisionCodes.some(
    (code) => isWithinDivision(code, program.division_code) || isWithinDivision(program.division_code, code),
  );
  if (official) return true;
  const familyOrInstitution = scope.guardianUserId !== null || scope.institutionIds.length > 0;
  return familyOrInstitution && program.status !== 'draft';
}

export function findProgramInstitutions(db: Db, programIds: string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db.selectFrom('voucher_program_institutions').selectAll().where('program_id', 'in', programIds).execute();
}

export async function replaceProgramInstitutions(trx: Transaction<DB>, programId: string, institutionIds: string[]) {
  await trx.deleteFrom('voucher_program_institutions').where('program_id', '=', programId).execute();
  if (institutionIds.length === 0) return;
  await trx
    .insertInto('voucher_program_institutions')
    .values([...new Set(institutionIds)].map((institution_id) => ({ program_id: programId, institution_id })))
    .execute();
}

export function countExistingInstitutions(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve(0);
  return db
    .selectFrom('institutions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', ids)
    .executeTakeFirstOrThrow()
    .then((r) => Number(r.n));
}

export function countVouchersByStatus(db: Db, programIds: string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('vouchers')
    .select(['program_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', 'in', programIds)
    .groupBy(['program_id', 'status'])
    .execute();
}

export function countApplicationsByStatus(db: Db, programIds: string[]) {
  if (programIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('voucher_applications')
    .select(['program_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', 'in', programIds)
    .groupBy(['program_id', 'status'])
    .execute();
}

export function findLedgerEntries(db: Db, programId: string, afterId: number, limit: number) {
  return db
    .selectFrom('voucher_ledger_entries')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '>', afterId)
    .orderBy('id')
    .limit(limit)
    .execute();
}

/** Each account summed from the program's entries, and the number of transactions that do not sum to 0. */
export async function ledgerTotals(db: Db, programId: string) {
  const accounts = await db
    .selectFrom('voucher_ledger_entries')
    .select(['account', (eb) => eb.fn.sum<number>('amount_fen').as('total')])
    .where('program_id', '=', programId)
    .groupBy('account')
    .execute();
  const unbalanced = await sql<{ n: number }>`
    select count(*)::int as n from (
      select txn_id from voucher_ledger_entries where program_id = ${programId} group by txn_id having sum(amount_fen) <> 0
    ) t`.execute(db);
  return {
    accounts: Object.fromEntries(accounts.map((a) => [a.account, Number(a.total)])) as Record<string, number>,
    unbalancedTransactions: unbalanced.rows[0]?.n ?? 0,
  };
}
