import { z } from 'zod';
import { INELIGIBILITY } from '../../../../domain/subsidies/eligibility.ts';
import { ISSUANCE_MODES } from '../../../../domain/subsidies/programs.ts';
import { Fen, Id } from '../common/schemas.ts';

const Issuance = z.enum(ISSUANCE_MODES);

export const UsableAt = z
  .object({
    kind: z.enum(['any', 'inclusive', 'listed']).describe('any 辖区内正常运营的机构 · inclusive 普惠机构 · listed 指定机构'),
    divisionCode: z.string(),
    institutions: z.array(z.object({ id: z.string(), name: z.string() })).describe('The listed institutions (kind = listed)'),
  })
  .describe('Where the voucher can be used');

export const VoucherRedemptionBrief = z.object({
  id: z.string(),
  institutionId: z.string(),
  institutionName: z.string(),
  statementId: z.string(),
  amountFen: Fen,
  redeemedAt: z.string(),
});

export const VoucherView = z.object({
  id: z.string(),
  code: z.string().describe('12 characters; the QR code carries `qrText`'),
  codeDisplay: z.string().describe('Grouped for reading: XXXX-XXXX-XXXX'),
  qrText: z.string().describe('What the QR code encodes'),
  programId: z.string(),
  programName: z.string(),
  childId: z.string(),
  childName: z.string(),
  faceValueFen: Fen,
  balanceFen: Fen.describe('Face value while unused, 0 once used or expired (a voucher is used once)'),
  status: z.enum(['active', 'spent', 'expired']),
  issuedVia: Issuance,
  issuedAt: z.string(),
  validFrom: z.string(),
  expiresOn: z.string().describe('Last day it can be used'),
  daysLeft: z.number().int(),
  expiresSoon: z.boolean().describe('Unused and within 7 days of expiry'),
  usableAt: UsableAt,
  redemption: VoucherRedemptionBrief.nullable(),
});
export type VoucherView = z.infer<typeof VoucherView>;

export const ApplicationView = z.object({
  id: z.string(),
  programId: z.string(),
  programName: z.string(),
  childId: z.string(),
  childName: z.string(),
  status: z.enum(['pending', 'won', 'lost', 'withdrawn']),
  appliedAt: z.string(),
  decidedAt: z.string().nullable(),
  lotteryAt: z.string().nullable(),
  voucherId: z.string().nullable(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ClaimBody = z.object({ childId: Id });
export const ClaimResult = z
  .object({ voucher: VoucherView.nullable(), application: ApplicationView.nullable() })
  .describe('A voucher (claim programs) or an application for the draw (lottery programs)');

export const AvailableProgram = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  faceValueFen: Fen,
  validFrom: z.string(),
  validTo: z.string(),
  issuance: Issuance,
  lotteryAt: z.string().nullable(),
  budgetLeft: z.boolean().describe('Whether at least one more voucher fits the budget'),
  usableAt: UsableAt,
  children: z.array(
    z.object({
      childId: z.string(),
      childName: z.string(),
      eligible: z.boolean(),
      reasons: z
        .array(z.enum(INELIGIBILITY))
        .describe('not_born · too_old 已满月龄上限 · residence 户籍/居住地不符 · limit_reached 已领取'),
      canClaim: z.boolean().describe('Eligible and the program takes claims or applications today'),
    }),
  ),
});

export const LookupBody = z.object({ code: z.string().min(1).max(40) });
export const VoucherLookup = z.object({
  id: z.string(),
  code: z.string(),
  codeDisplay: z.string(),
  programId: z.string(),
  programName: z.string(),
  child: z.object({ id: z.string(), name: z.string() }),
  faceValueFen: Fen,
  status: z.enum(['active', 'spent', 'expired']),
  validFrom: z.string(),
  expiresOn: z.string(),
  acceptedHere: z.boolean().describe('Whether this institution may redeem it (program restrictions)'),
  usable: z.boolean().describe('Active, in its validity, and accepted here'),
});
