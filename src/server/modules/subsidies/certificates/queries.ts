import type { Insertable, Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB, UtilityCertificatesTable } from '../../../db/schema.ts';

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

export function findCertificates(db: Db, f: { institutionId?: string; id?: string; code?: string }) {
  let q = db.selectFrom('utility_certificates').selectAll();
  if (f.institutionId) q = q.where('institution_id', '=', f.institutionId);
  if (f.id) q = q.where('id', '=', f.id);
  if (f.code) q = q.where('code', '=', f.code);
  return q.orderBy('issued_at', 'desc').execute();
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
