import type { Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

/** Vouchers and open applications a child holds in a program: what the per-child limit counts. */
export async function countHeld(db: Db, programId: string, childId: string) {
  const vouchers = await db
    .selectFrom('vouchers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('child_id', '=', childId)
    .executeTakeFirstOrThrow();
  const applications = await db
    .selectFrom('voucher_applications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .where('child_id', '=', childId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(vouchers.n) + Number(applications.n);
}

const VOUCHER_COLUMNS = [
  'v.id',
  'v.program_id',
  'v.code',
  'v.child_id',
  'v.claimed_by',
  'v.issued_via',
  'v.face_value_fen',
  'v.status',
  'v.issued_at',
  'v.valid_from',
  'v.expires_on',
  'v.spent_at',
  'v.expired_at',
  'v.reminded_at',
] as const;

/** Vouchers with their program and child, filtered by ids, children or program. */
export function findVouchers(db: Db, f: { ids?: string[]; childIds?: string[]; code?: string }) {
  if (f.ids?.length === 0 || f.childIds?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('vouchers as v')
    .innerJoin('voucher_programs as p', 'p.id', 'v.program_id')
    .innerJoin('children as c', 'c.id', 'v.child_id')
    .select([...VOUCHER_COLUMNS, 'p.name as program_name', 'p.division_code', 'p.inclusive_only', 'c.name as child_name']);
  if (f.ids) q = q.where('v.id', 'in', f.ids);
  if (f.childIds) q = q.where('v.child_id', 'in', f.childIds);
  if (f.code) q = q.where('v.code', '=', f.code);
  return q.orderBy('v.issued_at', 'desc').execute();
}
export type VoucherRow = Awaited<ReturnType<typeof findVouchers>>[number];

/** The voucher row, locked: a redemption, reversal or expiry of one voucher runs one at a time. */
export function lockVoucher(trx: Transaction<DB>, by: { code: string } | { id: string }) {
  const q = trx.selectFrom('vouchers').selectAll();
  return ('code' in by ? q.where('code', '=', by.code) : q.where('id', '=', by.id)).forUpdate().executeTakeFirst();
}

export function insertVouchers(
  trx: Transaction<DB>,
  rows: {
    id: string;
    program_id: string;
    code: string;
    child_id: string;
    claimed_by: string | null;
    issued_via: string;
    face_value_fen: number;
    issued_at: Date;
    valid_from: string;
    expires_on: string;
  }[],
) {
  return trx
    .insertInto('vouchers')
    .values(rows)
    .onConflict((oc) => oc.column('code').doNothing())
    .returning('id')
    .execute();
}

export function findApplications(db: Db, f: { childIds?: string[]; programId?: string; ids?: string[] }) {
  if (f.childIds?.length === 0 || f.ids?.length === 0) return Promise.resolve([]);
  let q = db
    .selectFrom('voucher_applications as a')
    .innerJoin('voucher_programs as p', 'p.id', 'a.program_id')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .selectAll('a')
    .select(['p.name as program_name', 'p.lottery_at', 'c.name as child_name']);
  if (f.childIds) q = q.where('a.child_id', 'in', f.childIds);
  if (f.programId) q = q.where('a.program_id', '=', f.programId);
  if (f.ids) q = q.where('a.id', 'in', f.ids);
  return q.orderBy('a.applied_at').orderBy('a.id').execute();
}
export type ApplicationRow = Awaited<ReturnType<typeof findApplications>>[number];

/** A child's application in a program, in any status (one per child and program). */
export function findChildApplication(trx: Transaction<DB>, programId: string, childId: string) {
  return trx
    .selectFrom('voucher_applications')
    .select(['id', 'status'])
    .where('program_id', '=', programId)
    .where('child_id', '=', childId)
    .executeTakeFirst();
}

export function insertApplication(
  trx: Transaction<DB>,
  row: { program_id: string; child_id: string; applied_by: string; applied_at: Date },
) {
  return trx.insertInto('voucher_applications').values(row).returning('id').executeTakeFirstOrThrow();
}

/** A withdrawn application applied for again. */
export function reopenApplication(trx: Transaction<DB>, id: string, appliedBy: string, now: Date) {
  return trx
    .updateTable('voucher_applications')
    .set({ status: 'pending', applied_at: now, applied_by: appliedBy, decided_at: null })
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Withdraws the application if it is still pending; undefined otherwise. */
export function withdrawPendingApplication(trx: Transaction<DB>, id: string, now: Date) {
  return trx
    .updateTable('voucher_applications')
    .set({ status: 'withdrawn', decided_at: now })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .returning('id')
    .executeTakeFirst();
}

/** The live redemption of each of these vouchers, with the institution's name, for the voucher view. */
export function findLiveRedemptionsOf(db: Db, voucherIds: string[]) {
  if (voucherIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('voucher_redemptions as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(['r.id', 'r.voucher_id', 'r.institution_id', 'i.name as institution_name', 'r.statement_id', 'r.amount_fen', 'r.redeemed_at'])
    .where('r.voucher_id', 'in', voucherIds)
    .where('r.reversed_at', 'is', null)
    .execute();
}
export type LiveRedemptionRow = Awaited<ReturnType<typeof findLiveRedemptionsOf>>[number];

/** The institution where the child holds a place now (one active place per child), if any. */
export function findCurrentPlace(db: Db, childId: string) {
  return db
    .selectFrom('enrolments')
    .select('institution_id')
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
}

/** A batch of active vouchers past their last day, locked; vouchers another transaction holds are skipped. */
export async function lockDueVouchers(trx: Transaction<DB>, today: string, limit: number, programId?: string) {
  let due = trx
    .selectFrom('vouchers')
    .select('id')
    .where('status', '=', 'active')
    .where('expires_on', '<', today)
    .orderBy('id')
    .limit(limit)
    .forUpdate()
    .skipLocked();
  if (programId) due = due.where('program_id', '=', programId);
  return (await due.execute()).map((r) => r.id);
}

export function markExpired(trx: Transaction<DB>, ids: string[], now: Date) {
  return trx
    .updateTable('vouchers')
    .set({ status: 'expired', expired_at: now })
    .where('id', 'in', ids)
    .returning(['id', 'program_id', 'face_value_fen', 'child_id'])
    .execute();
}

/** Marks active, not yet reminded vouchers whose last day falls between the two dates; returns them. */
export function markReminded(trx: Transaction<DB>, from: string, to: string, now: Date) {
  return trx
    .updateTable('vouchers')
    .set({ reminded_at: now })
    .where('status', '=', 'active')
    .where('reminded_at', 'is', null)
    .where('expires_on', '>=', from)
    .where('expires_on', '<=', to)
    .returning(['id', 'child_id', 'expires_on', 'face_value_fen'])
    .execute();
}

/** The guardians of these children (the children module's table; see README, Reads from). */
export function findGuardiansOf(trx: Transaction<DB>, childIds: string[]) {
  return trx.selectFrom('child_guardians').select(['child_id', 'user_id']).where('child_id', 'in', childIds).execute();
}

export async function markSpent(trx: Transaction<DB>, id: string, now: Date) {
  await trx.updateTable('vouchers').set({ status: 'spent', spent_at: now }).where('id', '=', id).execute();
}

/** A reversed redemption's voucher is whole again. */
export async function markActiveAgain(trx: Transaction<DB>, id: string) {
  await trx.updateTable('vouchers').set({ status: 'active', spent_at: null }).where('id', '=', id).execute();
}
