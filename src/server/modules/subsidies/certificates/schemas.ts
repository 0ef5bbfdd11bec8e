import { z } from 'zod';
import { Reason } from '../common/schemas.ts';

export const CertificateView = z.object({
  id: z.string(),
  code: z.string().describe('证明编号: what the utility company enters to check it'),
  codeDisplay: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  creditCode: z.string(),
  address: z.string(),
  filingNumber: z.string().describe('备案回执编号'),
  issuer: z.string(),
  issuedAt: z.string(),
  validUntil: z.string(),
  revokedAt: z.string().nullable(),
  verifyPath: z.string().describe('Public page path for checking the code (the web app serves it)'),
  pdfPath: z.string(),
});
export type CertificateView = z.infer<typeof CertificateView>;

export const Verification = z
  .object({
    code: z.string(),
    status: z
      .enum(['valid', 'expired', 'revoked', 'not_operating'])
      .describe('valid 有效 · expired 已过有效期 · revoked 已撤销 · not_operating 机构已暂停或关闭，不再适用'),
    institutionName: z.string(),
    creditCode: z.string(),
    address: z.string(),
    filingNumber: z.string(),
    issuer: z.string(),
    issuedOn: z.string(),
    validUntil: z.string(),
    checkedAt: z.string(),
  })
  .describe('What anyone holding the code may see: the facts printed on the certificate and whether it holds today');

export const CodeBody = z.object({ code: z.string().min(1).max(40) });
export const RevokeBody = z.object({ reason: Reason });

export const CertificateRequestView = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  status: z.enum(['requested', 'issued', 'returned']).describe('requested 待区卫健局审核 · issued 已开具 · returned 已退回'),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  certificateId: z.string().nullable().describe('The certificate issued on approval'),
  returnReason: z.string().nullable(),
});
export type CertificateRequestView = z.infer<typeof CertificateRequestView>;

export const RequestQueueQuery = z.object({
  state: z.enum(['open', 'decided', 'all']).default('open').describe('open: waiting for the district; decided: issued or returned'),
});

export const DecisionBody = z
  .discriminatedUnion(
    'decision',
    [
      z.object({ decision: z.literal('approve') }).describe('Issue the certificate now'),
      z.object({ decision: z.literal('return'), reason: Reason.describe('What the director must know or fix') }),
    ],
    { message: 'certificates.decision' },
  )
  .describe('The district health bureau’s decision on a certificate request');
