import { type Insertable, sql, type Transaction, type Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, VoucherProgramsTable } from '../../../db/schema.ts';

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

export async function insertProgram(trx: Transaction<DB>, values: Insertable<VoucherProgramsTable>) {
  const row = await trx.insertInto('voucher_programs').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Changes the program's own columns; the balance columns move only through the ledger (common/ledger.ts). */
export async function updateProgramRow(trx: Transaction<DB>, id: string, values: Updateable<VoucherProgramsTable>) {
  await trx.updateTable('voucher_programs').set(values).where('id', '=', id).execute();
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

/** The program's pending lottery applicants in application order, with the facts eligibility needs. */
export function findPendingApplicants(trx: Transaction<DB>, programId: string) {
  return trx
    .selectFrom('voucher_applications as a')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .select(['a.id', 'a.child_id', 'a.applied_by', 'c.birth_date', 'c.residence_division_code'])
    .where('a.program_id', '=', programId)
    .where('a.status', '=', 'pending')
    .orderBy('a.applied_at')
    .orderBy('a.id')
    .execute();
}

export async function markApplicationWon(trx: Transaction<DB>, id: string, voucherId: string, now: Date) {
  await trx
    .updateTable('voucher_applications')
    .set({ status: 'won', decided_at: now, voucher_id: voucherId })
    .where('id', '=', id)
    .execute();
}

/** Every application of the program still pending after the draw has lost. */
export async function markPendingLost(trx: Transaction<DB>, programId: string, now: Date) {
  await trx
    .updateTable('voucher_applications')
    .set({ status: 'lost', decided_at: now })
    .where('program_id', '=', programId)
    .where('status', '=', 'pending')
    .execute();
}

/** Children holding a place now at these institutions, oldest place first, for an automatic grant. */
export function findEnrolledChildren(db: Db, institutionIds: string[] | null) {
  let q = db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('institutions as i', 'i.id', 'e.institution_id')
    .select(['c.id', 'c.birth_date', 'c.residence_division_code', 'e.institution_id', 'i.division_code', 'i.status'])
    .where('e.end_date', 'is', null);
  if (institutionIds)
    q = q.where('e.institution_id', 'in', institutionIds.length ? institutionIds : ['00000000-0000-0000-0000-000000000000']);
  return q.orderBy('e.start_date').orderBy('c.id').execute();
}

export function countVouchersPerChild(db: Db, programId: string) {
  return db
    .selectFrom('vouchers')
    .select(['child_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('program_id', '=', programId)
    .groupBy('child_id')
    .execute();
}

export function findInstitutionsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('institutions').select(['id', 'name', 'division_code', 'status']).where('id', 'in', ids).execute();
}

/** Institutions with an inclusive (普惠) designation in force on `today`. */
export function findInclusiveInstitutionIds(db: Db, ids: string[], today: string) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('institution_designations')
    .select('institution_id')
    .distinct()
    .where('institution_id', 'in', ids)
    .where('kind', '=', 'inclusive')
    .where('valid_from', '<=', today)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', today)]))
    .where((eb) => eb.or([eb('revoked_on', 'is', null), eb('revoked_on', '>', today)]))
    .execute()
    .then((rows) => rows.map((r) => r.institution_id));
}
