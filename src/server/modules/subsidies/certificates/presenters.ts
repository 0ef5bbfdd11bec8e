import { formatVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import { iso } from '../common/schemas.ts';
import type { CertificateRow } from './queries.ts';
import type { CertificateView } from './schemas.ts';

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
    filingNumber: c.filing_number,
    issuer: c.issuer,
    issuedAt: new Date(c.issued_at).toISOString(),
    validUntil: c.valid_until,
    revokedAt: iso(c.revoked_at),
    verifyPath: verifyPathOf(c.code),
    pdfPath: `/api/v1/utility-certificates/${c.id}/certificate.pdf`,
  };
}
