import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import { iso } from '../common/schemas.ts';
import type { CertificateRow, RequestRow } from './queries.ts';
import type { CertificateRequestView, CertificateView } from './schemas.ts';

/** The web app's page that checks a certificate by its code (the PDF prints it with the origin). */
// The code after `#` never reaches a server or its logs: the page reads it and posts it.
export const verifyPathOf = (code: string) => `/verify/utility-certificates#${code}`;

export function presentCertificate(c: CertificateRow): CertificateView {
  return {
    id: c.id,
    code: c.code,
    codeDisplay: formatVoucherCode(c.code),
    institutionId: c.institution_id,
    institutionName: c.institution_name,
    creditCode: c.credit_code,
    address: c.address,
    filingNumber: c.current_filing_number ?? c.filing_number,
    issuer: c.issuer,
    issuedAt: new Date(c.issued_at).toISOString(),
    validUntil: c.valid_until,
    revokedAt: iso(c.revoked_at),
    verifyPath: verifyPathOf(c.code),
    pdfPath: `/api/v1/utility-certificates/${c.id}/certificate.pdf`,
  };
}

export function presentRequest(r: RequestRow): CertificateRequestView {
  return {
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    status: r.certificate_id ? 'issued' : r.return_reason ? 'returned' : 'requested',
    requestedAt: new Date(r.requested_at).toISOString(),
    decidedAt: iso(r.decided_at),
    certificateId: r.certificate_id,
    returnReason: r.return_reason,
  };
}
