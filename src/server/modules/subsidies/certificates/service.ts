import { randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import { addDaysIso, compareIso, todayInShanghai, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { normalizeVoucherCode, voucherCodeFrom } from '../../../../domain/subsidies/voucherCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findDivisionAsOf } from '../../geography/index.ts';
import { certificatePdf } from './document.ts';
import { presentCertificate, verifyPathOf } from './presenters.ts';
import * as q from './queries.ts';

/** A certificate lasts a year, so the utility company sees a fresh one with the filing's state. */
const VALID_DAYS = 365;
const NOT_OPERATING = new Set(['suspended', 'closed']);

/** The institution, if the caller may see it: their own, one in their district, or (city) any. */
export async function requireInstitution(deps: Deps, scope: Scope, institutionId: string) {
  const institution = await q.findInstitution(deps.db, institutionId);
  const visible = institution && (scope.institutionIds.includes(institutionId) || divisionInScope(scope, institution.division_code));
  if (!visible) throw new AppError('NOT_FOUND');
  return institution;
}

/**
 * Issues the institution's certificate from its filed version (备案), as the public sees it,
 * inside the approving official's transaction: no filed version in operation, no certificate.
 */
export async function issueFromFiledVersion(
  trx: Transaction<DB>,
  institutionId: string,
  issuedBy: string,
  context: AuditContext,
  now: Date,
) {
  const filed = await requireOperating(trx, institutionId);
  const today = todayInShanghai(now);
  // The district as it is named on the day of issue (geography owns the division tree).
  const district = await findDivisionAsOf(trx, filed.division_code.slice(0, 6), today);
  const inserted = await q.insertCertificate(trx, {
    code: voucherCodeFrom(randomBytes(11)),
    institution_id: institutionId,
    institution_name: filed.name,
    credit_code: filed.credit_code,
    address: filed.address,
    filing_number: filed.filing_number,
    // Filing is with the county-level health department (托育机构登记和备案办法（试行）).
    issuer: district ? `${district.name}卫生健康局` : '卫生健康主管部门',
    issued_at: now,
    valid_until: addDaysIso(today, VALID_DAYS - 1),
    issued_by: issuedBy,
  });
  await appendAudit(
    trx,
    context,
    {
      action: 'utility_certificate.issue',
      entityType: 'institution',
      entityId: institutionId,
      detail: { certificateId: inserted.id, code: inserted.code },
    },
    now,
  );
  return inserted;
}

/** The filed version of an institution in operation, or 409: only those may hold a certificate. */
export async function requireOperating(db: Db, institutionId: string) {
  const institution = await q.findInstitution(db, institutionId);
  const filed = await q.findFiledVersion(db, institutionId);
  if (!filed?.active || NOT_OPERATING.has(institution?.status ?? 'closed')) throw new AppError('REQUIRES_FILED_INSTITUTION');
  return filed;
}

export async function listCertificates(deps: Deps, scope: Scope, institutionId: string) {
  await requireInstitution(deps, scope, institutionId);
  return (await q.findCertificates(deps.db, { institutionId })).map(presentCertificate);
}

async function requireCertificate(deps: Deps, scope: Scope, id: string) {
  const [row] = await q.findCertificates(deps.db, { id });
  if (!row) throw new AppError('NOT_FOUND');
  await requireInstitution(deps, scope, row.institution_id);
  return row;
}

export async function certificateFile(deps: Deps, scope: Scope, id: string, origin: string) {
  const c = await requireCertificate(deps, scope, id);
  const pdf = certificatePdf({
    code: c.code,
    institutionName: c.institution_name,
    creditCode: c.credit_code,
    address: c.address,
    filingNumber: c.current_filing_number ?? c.filing_number,
    issuer: c.issuer,
    issuedOn: toShanghaiDate(new Date(c.issued_at)),
    validUntil: c.valid_until,
    verifyUrl: `${origin}${verifyPathOf(c.code)}`,
  });
  return { filename: `utility-certificate-${c.code}.pdf`, data: pdf };
}

/** An official withdraws a certificate (say, issued in error); the public check then says so. */
export async function revokeCertificate(deps: Deps, scope: Scope, id: string, reason: string, context: AuditContext) {
  const c = await requireCertificate(deps, scope, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.revokeCertificate(trx, id, reason, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'utility_certificate.revoke',
        entityType: 'institution',
        entityId: c.institution_id,
        detail: { certificateId: id, reason },
      },
      now,
    );
  });
  return presentCertificate((await q.findCertificates(deps.db, { id }))[0] as q.CertificateRow);
}

/** The public check by code: the certificate's facts and whether it holds today. */
export async function verifyCertificate(deps: Deps, input: string) {
  const code = normalizeVoucherCode(input);
  const [c] = code ? await q.findCertificates(deps.db, { code }) : [];
  if (!c) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const institution = await q.findInstitution(deps.db, c.institution_id);
  const filed = await q.findFiledVersion(deps.db, c.institution_id);
  const status = c.revoked_at
    ? 'revoked'
    : !filed?.active || NOT_OPERATING.has(institution?.status ?? 'closed')
      ? 'not_operating'
      : compareIso(todayInShanghai(now), c.valid_until) > 0
        ? 'expired'
        : 'valid';
  return {
    code: c.code,
    status: status as 'valid',
    institutionName: c.institution_name,
    creditCode: c.credit_code,
    address: c.address,
    filingNumber: c.current_filing_number ?? c.filing_number,
    issuer: c.issuer,
    issuedOn: toShanghaiDate(new Date(c.issued_at)),
    validUntil: c.valid_until,
    checkedAt: now.toISOString(),
  };
}
