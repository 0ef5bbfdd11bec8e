import { randomBytes } from 'node:crypto';
import { addDaysIso, compareIso, todayInShanghai, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import { formatVoucherCode, normalizeVoucherCode, voucherCodeFrom } from '../../../../domain/subsidies/voucherCode.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { iso } from '../common/schemas.ts';
import { certificatePdf } from './document.ts';
import type { CertificateView } from './schemas.ts';

/** A certificate lasts a year, so the utility company sees a fresh one with the filing's state. */
const VALID_DAYS = 365;
const NOT_OPERATING = new Set(['suspended', 'closed']);

export const verifyPathOf = (code: string) => `/verify/utility-certificates/${code}`;

async function requireInstitution(deps: Deps, scope: Scope, institutionId: string) {
  const institution = await deps.db
    .selectFrom('institutions')
    .select(['id', 'division_code', 'status'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
  const visible =
    institution &&
    (scope.cityWide ||
      scope.institutionIds.includes(institutionId) ||
      scope.divisionCodes.some((c) => institution.division_code.startsWith(divisionPrefix(c))));
  if (!visible) throw new AppError('NOT_FOUND');
  return institution;
}

type Row = Awaited<ReturnType<typeof findCertificates>>[number];
function findCertificates(deps: Deps, f: { institutionId?: string; id?: string; code?: string }) {
  let q = deps.db.selectFrom('utility_certificates').selectAll();
  if (f.institutionId) q = q.where('institution_id', '=', f.institutionId);
  if (f.id) q = q.where('id', '=', f.id);
  if (f.code) q = q.where('code', '=', f.code);
  return q.orderBy('issued_at', 'desc').execute();
}

function present(c: Row): CertificateView {
  return {
    id: c.id,
    code: c.code,
    codeDisplay: formatVoucherCode(c.code),
    institutionId: c.institution_id,
    institutionName: c.institution_name,
    creditCode: c.credit_code,
    address: c.address,
    filingNumber: c.filing_number,
    issuer: c.issuer,
    issuedAt: new Date(c.issued_at).toISOString(),
    validUntil: c.valid_until,
    revokedAt: iso(c.revoked_at),
    verifyPath: verifyPathOf(c.code),
    pdfPath: `/api/v1/utility-certificates/${c.id}/certificate.pdf`,
  };
}

/**
 * A director issues their institution's certificate from its filed version (备案), as the
 * public sees it: no filed version in operation, no certificate.
 */
export async function issueCertificate(deps: Deps, scope: Scope, institutionId: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const institution = await requireInstitution(deps, scope, institutionId);
  const filed = await deps.db
    .selectFrom('filed_institutions')
    .select(['name', 'credit_code', 'address', 'filing_number', 'division_code', 'active'])
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
  if (!filed?.active || NOT_OPERATING.has(institution.status)) throw new AppError('REQUIRES_FILED_INSTITUTION');
  const district = await deps.db
    .selectFrom('divisions')
    .select('name')
    .where('code', '=', filed.division_code.slice(0, 6))
    .executeTakeFirst();
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('utility_certificates')
      .values({
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
        issued_by: scope.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
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
  });
  return present(row);
}

export async function listCertificates(deps: Deps, scope: Scope, institutionId: string) {
  await requireInstitution(deps, scope, institutionId);
  return (await findCertificates(deps, { institutionId })).map(present);
}

async function requireCertificate(deps: Deps, scope: Scope, id: string) {
  const [row] = await findCertificates(deps, { id });
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
    filingNumber: c.filing_number,
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
    await trx
      .updateTable('utility_certificates')
      .set({ revoked_at: now, revoked_reason: reason })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
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
  return present((await findCertificates(deps, { id }))[0] as Row);
}

/** The public check by code: the certificate's facts and whether it holds today. */
export async function verifyCertificate(deps: Deps, input: string) {
  const code = normalizeVoucherCode(input);
  const [c] = code ? await findCertificates(deps, { code }) : [];
  if (!c) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const institution = await deps.db.selectFrom('institutions').select('status').where('id', '=', c.institution_id).executeTakeFirst();
  const filed = await deps.db
    .selectFrom('filed_institutions')
    .select('active')
    .where('institution_id', '=', c.institution_id)
    .executeTakeFirst();
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
    filingNumber: c.filing_number,
    issuer: c.issuer,
    issuedOn: toShanghaiDate(new Date(c.issued_at)),
    validUntil: c.valid_until,
    checkedAt: now.toISOString(),
  };
}
