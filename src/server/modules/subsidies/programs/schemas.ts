import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import { ISSUANCE_MODES, PROGRAM_STATUSES } from '../../../../domain/subsidies/programs.ts';
import { Fen, Id, IsoDate, PositiveFen } from '../common/schemas.ts';

const DivisionCode = z.string().regex(DIVISION_CODE, { message: 'division.code' });
const Issuance = z.enum(ISSUANCE_MODES).describe('claim 先到先得 · lottery 摇号 · automatic 自动发放给在托幼儿');

const ProgramRules = z.object({
  budgetFen: PositiveFen.describe('The whole budget in fen (1,000,000 yuan = 100000000)'),
  faceValueFen: PositiveFen.describe('Face value of each voucher in fen'),
  validFrom: IsoDate.describe('First day vouchers can be claimed and used'),
  validTo: IsoDate.describe('Last day vouchers can be claimed and used'),
  voucherValidDays: z
    .number()
    .int()
    .min(1)
    .max(3660)
    .nullable()
    .default(null)
    .describe('Days each voucher lasts from issue; null: until validTo'),
  issuance: Issuance,
  lotteryAt: z.iso
    .datetime({ offset: true, message: 'time.instant' })
    .nullable()
    .default(null)
    .describe('Lottery only: applications close and the draw may run'),
  maxAgeMonths: z.number().int().min(1).max(36).default(36).describe('The child must be younger than this many months on the claim date'),
  residenceDivisionCodes: z
    .array(DivisionCode)
    .min(1)
    .max(20)
    .optional()
    .describe('Where the child must live; default: the program division'),
  perChildLimit: z.number().int().min(1).max(24).default(1),
  inclusiveOnly: z.boolean().default(false).describe('Vouchers only usable at institutions with an inclusive (普惠) designation in force'),
  institutionIds: z.array(Id).max(500).default([]).describe('Institutions that may redeem; empty: every institution in operation'),
});

const rulesHold = (r: z.infer<typeof ProgramRules>, ctx: z.RefinementCtx) => {
  if (r.faceValueFen > r.budgetFen) ctx.addIssue({ code: 'custom', path: ['faceValueFen'], message: 'program.faceOverBudget' });
  if (r.validTo < r.validFrom) ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'dates.range' });
  if ((r.issuance === 'lottery') !== (r.lotteryAt !== null))
    ctx.addIssue({ code: 'custom', path: ['lotteryAt'], message: 'program.lotteryAt' });
};

export const CreateProgram = ProgramRules.extend({
  name: z.string().trim().min(1).max(100),
  description: z.string().trim().max(2000).default(''),
  divisionCode: DivisionCode.optional().describe("The division running it; default: the official's own"),
}).superRefine(rulesHold);
export type CreateProgram = z.infer<typeof CreateProgram>;

export const UpdateProgram = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  description: z.string().trim().max(2000).optional(),
  rules: ProgramRules.superRefine(rulesHold).optional().describe('Draft programs only: replaces every rule and the budget'),
});
export type UpdateProgram = z.infer<typeof UpdateProgram>;

export const ProgramSummary = z
  .object({ budgetFen: Fen, unissuedFen: Fen, outstandingFen: Fen, redeemedFen: Fen, expiredFen: Fen })
  .describe('budget = unissued + outstanding + redeemed + expired; redeemed includes settled and paid');

export const ProgramView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  divisionCode: z.string(),
  status: z.enum(PROGRAM_STATUSES).describe('draft 草稿 · open 进行中 · paused 暂停 · closed 已结束'),
  allowedActions: z.array(z.enum(['open', 'pause', 'close'])),
  budgetFen: Fen,
  faceValueFen: Fen,
  validFrom: z.string(),
  validTo: z.string(),
  voucherValidDays: z.number().int().nullable(),
  issuance: Issuance,
  lotteryAt: z.string().nullable(),
  lotteryDrawnAt: z.string().nullable(),
  lotterySeed: z.number().int().nullable().describe('Recorded so anyone can re-run the draw'),
  maxAgeMonths: z.number().int(),
  residenceDivisionCodes: z.array(z.string()),
  perChildLimit: z.number().int(),
  inclusiveOnly: z.boolean(),
  institutionIds: z.array(z.string()),
  summary: ProgramSummary,
  accounts: z
    .object({ unissuedFen: Fen, outstandingFen: Fen, redeemedFen: Fen, payableFen: Fen, paidFen: Fen, expiredFen: Fen })
    .describe('Ledger accounts: redeemed here is not yet settled; payable is settled and unpaid'),
  vouchers: z.object({ active: z.number().int(), spent: z.number().int(), expired: z.number().int() }),
  applications: z.object({ pending: z.number().int(), won: z.number().int(), lost: z.number().int() }),
  createdAt: z.string(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
export type ProgramView = z.infer<typeof ProgramView>;

export const ProgramList = z.object({ items: z.array(ProgramView) });

export const LedgerQuery = z.object({
  afterId: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const LedgerEntry = z.object({
  id: z.number().int(),
  txnId: z.string(),
  kind: z.enum(['fund', 'issue', 'redeem', 'reverse', 'expire', 'settle', 'pay']),
  account: z.enum(['funding', 'unissued', 'outstanding', 'redeemed', 'payable', 'paid', 'expired']),
  amountFen: z.number().int().describe('Debit positive, credit negative; a transaction sums to 0'),
  voucherId: z.string().nullable(),
  redemptionId: z.string().nullable(),
  settlementId: z.string().nullable(),
  institutionId: z.string().nullable(),
  at: z.string(),
});

export const LedgerPage = z.object({
  items: z.array(LedgerEntry),
  balanced: z.boolean().describe('Every account summed from the entries equals the program balance, and the entries sum to 0'),
});

export const RunResult = z.object({
  issued: z.number().int(),
  notIssued: z.number().int().describe('Eligible children or winners left without a voucher because the budget ran out'),
});
