import type { Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

export function findGuardianChild(db: Db, guardianUserId: string, childId: string) {
  return db
    .selectFrom('children as c')
    .innerJoin('child_guardians as g', 'g.child_id', 'c.id')
    .select(['c.id', 'c.name', 'c.birth_date', 'c.residence_division_code'])
    .where('g.user_id', '=', guardianUserId)
    .where('c.id', '=', childId)
    .executeTakeFirst();
}

export function findGuardianChildren(db: Db, guardianUserId: string) {
  return db
    .selectFrom('children as c')
    .innerJoin('child_guardians as g', 'g.child_id', 'c.id')
    .select(['c.id', 'c.name', 'c.birth_date', 'c.residence_division_code'])
    .where('g.user_id', '=', guardianUserId)
    .orderBy('c.birth_date')
    .execute();
}

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

/**
 * Whether the child held a place at the institution at some time between the two dates. The
 * current place is found through the one-active-place-per-child index; only a child without one
 * there needs the (rarer) look at past places.
 */
export async function wasEnrolledBetween(db: Db, childId: string, institutionId: string, first: string, last: string) {
  const current = await db
    .selectFrom('enrolments')
    .select(['institution_id', 'start_date'])
    .where('child_id', '=', childId)
    .where('end_date', 'is', null)
    .executeTakeFirst();
  if (current?.institution_id === institutionId && current.start_date <= last) return true;
  const past = await db
    .selectFrom('enrolments')
    .select('id')
    .where('child_id', '=', childId)
    .where('institution_id', '=', institutionId)
    .where('end_date', 'is not', null)
    .where('start_date', '<=', last)
    .where('end_date', '>=', first)
    .limit(1)
    .executeTakeFirst();
  return past !== undefined;
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
