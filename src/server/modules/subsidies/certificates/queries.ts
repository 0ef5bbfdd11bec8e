import type { Expression, Insertable, SqlBool, Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, UtilityCertificateRequestsTable, UtilityCertificatesTable } from '../../../db/schema.ts';

/** The institution's district and whether it operates (the institutions module's table; see README, Reads from). */
export function findInstitution(db: Db, id: string) {
  return db.selectFrom('institutions').select(['id', 'division_code', 'status']).where('id', '=', id).executeTakeFirst();
}

/** The institution's filed version (备案) as the public sees it. */
export function findFiledVersion(db: Db, institutionId: string) {
  return db
    .selectFrom('filed_institutions')
    .select(['name', 'credit_code', 'address', 'filing_number', 'division_code', 'active'])
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
}

/**
 * Certificates with the receipt number of the filing in force now: a change filing gives the
 * institution a new receipt, and the certificate must not keep showing the superseded one.
 */
export function findCertificates(db: Db, f: { institutionId?: string; id?: string; code?: string }) {
  let q = db
    .selectFrom('utility_certificates as c')
    .leftJoin('filed_institutions as f', 'f.institution_id', 'c.institution_id')
    .selectAll('c')
    .select('f.filing_number as current_filing_number');
  if (f.institutionId) q = q.where('c.institution_id', '=', f.institutionId);
  if (f.id) q = q.where('c.id', '=', f.id);
  if (f.code) q = q.where('c.code', '=', f.code);
  return q.orderBy('c.issued_at', 'desc').execute();
}
export type CertificateRow = Awaited<ReturnType<typeof findCertificates>>[number];

export function insertCertificate(trx: Transaction<DB>, row: Insertable<UtilityCertificatesTable>) {
  return trx.insertInto('utility_certificates').values(row).returningAll().executeTakeFirstOrThrow();
}

/** Revokes the certificate unless it is revoked already (the first reason stands). */
export async function revokeCertificate(trx: Transaction<DB>, id: string, reason: string, now: Date) {
  await trx
    .updateTable('utility_certificates')
    .set({ revoked_at: now, revoked_reason: reason })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}

const requestColumns = [
  'r.id',
  'r.institution_id',
  'i.name as institution_name',
  'i.division_code',
  'r.requested_by',
  'r.requested_at',
  'r.decided_at',
  'r.certificate_id',
  'r.return_reason',
] as const;

/** Certificate requests, newest first; for a queue, only those in the divisions the SQL condition admits. */
export function findRequests(
  db: Db,
  f: { id?: string; institutionId?: string; open?: boolean; inScope?: Expression<SqlBool> },
  forUpdate = false,
) {
  let q = db
    .selectFrom('utility_certificate_requests as r')
    .innerJoin('institutions as i', 'i.id', 'r.institution_id')
    .select(requestColumns);
  if (f.id) q = q.where('r.id', '=', f.id);
  if (f.institutionId) q = q.where('r.institution_id', '=', f.institutionId);
  if (f.open !== undefined) q = q.where('r.decided_at', f.open ? 'is' : 'is not', null);
  if (f.inScope) q = q.where(f.inScope);
  q = q.orderBy('r.requested_at', 'desc').orderBy('r.id');
  return (forUpdate ? q.forUpdate('r') : q).execute();
}
export type RequestRow = Awaited<ReturnType<typeof findRequests>>[number];

export function insertRequest(trx: Transaction<DB>, row: Insertable<UtilityCertificateRequestsTable>) {
  return trx.insertInto('utility_certificate_requests').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function decideRequest(
  trx: Transaction<DB>,
  id: string,
  decision: { decided_by: string; decided_at: Date; certificate_id?: string; return_reason?: string },
) {
  await trx.updateTable('utility_certificate_requests').set(decision).where('id', '=', id).where('decided_at', 'is', null).execute();
}
