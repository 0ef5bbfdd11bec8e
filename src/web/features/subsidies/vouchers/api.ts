/**
 * Vouchers (补贴券), fee statements (收费明细), redemption (核销) and settlement (结算) as the
 * server's subsidies and enrolment modules describe them. Money is integer fen throughout.
 */
import { request } from '../../../api/client';

type Fen = number;
export type IssuanceMode = 'claim' | 'lottery' | 'automatic';
export type VoucherStatus = 'active' | 'spent' | 'expired';
export type ProgramStatus = 'draft' | 'open' | 'paused' | 'closed';
export type ProgramAction = 'open' | 'pause' | 'close';
/** not_born · too_old 已满月龄上限 · residence 户籍/居住地不符 · limit_reached 已领取 */
export type Ineligibility = 'not_born' | 'too_old' | 'residence' | 'limit_reached';

/** Where a voucher can be used: any institution in operation in the division, inclusive ones, or those listed. */
export type UsableAt = { kind: 'any' | 'inclusive' | 'listed'; divisionCode: string; institutions: { id: string; name: string }[] };

export type Voucher = {
  id: string;
  code: string;
  codeDisplay: string;
  qrText: string;
  programId: string;
  programName: string;
  childId: string;
  childName: string;
  faceValueFen: Fen;
  balanceFen: Fen;
  status: VoucherStatus;
  issuedVia: IssuanceMode;
  issuedAt: string;
  validFrom: string;
  expiresOn: string;
  daysLeft: number;
  expiresSoon: boolean;
  usableAt: UsableAt;
  redemption: {
    id: string;
    institutionId: string;
    institutionName: string;
    statementId: string;
    amountFen: Fen;
    redeemedAt: string;
  } | null;
};

export type VoucherApplication = {
  id: string;
  programId: string;
  programName: string;
  childId: string;
  childName: string;
  status: 'pending' | 'won' | 'lost' | 'withdrawn';
  appliedAt: string;
  decidedAt: string | null;
  lotteryAt: string | null;
  voucherId: string | null;
};

export type AvailableProgram = {
  id: string;
  name: string;
  description: string;
  faceValueFen: Fen;
  validFrom: string;
  validTo: string;
  issuance: IssuanceMode;
  lotteryAt: string | null;
  budgetLeft: boolean;
  usableAt: UsableAt;
  children: { childId: string; childName: string; eligible: boolean; reasons: Ineligibility[]; canClaim: boolean }[];
};

export type ClaimResult = { voucher: Voucher | null; application: VoucherApplication | null };

export type VoucherLookup = {
  id: string;
  code: string;
  codeDisplay: string;
  programId: string;
  programName: string;
  child: { id: string; name: string };
  faceValueFen: Fen;
  status: VoucherStatus;
  validFrom: string;
  expiresOn: string;
  acceptedHere: boolean;
  usable: boolean;
};

export type RedeemInput = { code: string; statementId: string; amountFen: Fen; idempotencyKey: string };

export type Redemption = {
  id: string;
  voucherId: string;
  code: string;
  programId: string;
  institutionId: string;
  statementId: string;
  statementMonth: string;
  deductionId: string;
  childId: string;
  childName: string;
  amountFen: Fen;
  releasedFen: Fen;
  month: string;
  idempotencyKey: string;
  redeemedAt: string;
  status: 'redeemed' | 'reversed' | 'settled' | 'paid';
  reversedAt: string | null;
  reversalReason: string | null;
  settlementId: string | null;
  reversible: boolean;
};

// ── fee statements (enrolment module) ────────────────────────────────────────

export type StatementSummary = {
  id: string;
  childId: string;
  childName: string;
  month: string;
  classId: string;
  className: string;
  classType: string;
  monthlyFeeFen: Fen;
  serviceDays: number;
  chargedDays: number;
  absentDays: number;
  subtotalFen: Fen;
  deductionsFen: Fen;
  totalDueFen: Fen;
  generatedAt: string;
};

export type Statement = StatementSummary & {
  institutionId: string;
  institutionName: string;
  absenceRule: { refundAfterDays: number; refundPercent: number };
  lines: { kind: 'fee' | 'proration' | 'absence_refund'; classType: string | null; days: number | null; amountFen: Fen }[];
  deductions: { id: string; kind: 'voucher' | 'other'; reference: string | null; amountFen: Fen; appliedFen: Fen; createdAt: string }[];
};

export type GenerateResult = {
  month: string;
  created: number;
  replaced: number;
  locked: { statementId: string; childId: string; childName: string }[];
  skipped: { childId: string; childName: string; classType: string; reason: 'fee_missing' }[];
  statements: StatementSummary[];
};

// ── programs and settlement (officials) ──────────────────────────────────────

/** budget = unissued + outstanding + redeemed + expired; redeemed includes settled and paid. */
export type ProgramSummary = { budgetFen: Fen; unissuedFen: Fen; outstandingFen: Fen; redeemedFen: Fen; expiredFen: Fen };

export type Program = {
  id: string;
  name: string;
  description: string;
  divisionCode: string;
  status: ProgramStatus;
  allowedActions: ProgramAction[];
  budgetFen: Fen;
  faceValueFen: Fen;
  validFrom: string;
  validTo: string;
  voucherValidDays: number | null;
  issuance: IssuanceMode;
  lotteryAt: string | null;
  lotteryDrawnAt: string | null;
  lotterySeed: number | null;
  maxAgeMonths: number;
  residenceDivisionCodes: string[];
  perChildLimit: number;
  inclusiveOnly: boolean;
  institutionIds: string[];
  summary: ProgramSummary;
  vouchers: { active: number; spent: number; expired: number };
  applications: { pending: number; won: number; lost: number };
  createdAt: string;
  openedAt: string | null;
  closedAt: string | null;
};

/** The server's CreateProgram body; omitted residence divisions default to the program's division. */
export type NewProgram = {
  name: string;
  description?: string;
  budgetFen: Fen;
  faceValueFen: Fen;
  validFrom: string;
  validTo: string;
  voucherValidDays: number | null;
  issuance: IssuanceMode;
  lotteryAt: string | null;
  maxAgeMonths: number;
  residenceDivisionCodes?: string[];
  perChildLimit: number;
  inclusiveOnly: boolean;
  institutionIds: string[];
};

export type RunResult = { issued: number; notIssued: number };

export type Settlement = {
  id: string;
  institutionId: string;
  institutionName: string;
  month: string;
  totalFen: Fen;
  redemptions: number;
  status: 'settled' | 'paid';
  settledAt: string;
  paidAt: string | null;
  paymentReference: string | null;
  lines: { programId: string; programName: string; amountFen: Fen; redemptions: number }[];
};

const id = encodeURIComponent;
const month = (m: string) => `month=${encodeURIComponent(m)}`;

export const getAvailablePrograms = () => request<{ items: AvailableProgram[] }>('GET', '/api/v1/voucher-programs/available');
export const claimVoucher = (programId: string, childId: string) =>
  request<ClaimResult>('POST', `/api/v1/voucher-programs/${id(programId)}/claims`, { childId });
export const getVoucherApplications = () => request<{ items: VoucherApplication[] }>('GET', '/api/v1/voucher-applications');
export const withdrawVoucherApplication = (applicationId: string) =>
  request<VoucherApplication>('POST', `/api/v1/voucher-applications/${id(applicationId)}/withdraw`);
export const getMyVouchers = () => request<{ items: Voucher[] }>('GET', '/api/v1/vouchers');

export const generateStatements = (institutionId: string, m: string) =>
  request<GenerateResult>('POST', `/api/v1/institutions/${id(institutionId)}/statements`, { month: m });
export const getStatements = (institutionId: string, m: string) =>
  request<{ items: StatementSummary[] }>('GET', `/api/v1/institutions/${id(institutionId)}/statements?${month(m)}`);
export const getStatement = (statementId: string) => request<Statement>('GET', `/api/v1/statements/${id(statementId)}`);
/** A plain link: the browser downloads the workbook with the session cookie. */
export const statementsXlsxHref = (institutionId: string, m: string) =>
  `/api/v1/institutions/${id(institutionId)}/statements.xlsx?${month(m)}`;

export const lookupVoucher = (code: string) => request<VoucherLookup>('GET', `/api/v1/vouchers/lookup?code=${encodeURIComponent(code)}`);
export const redeemVoucher = (input: RedeemInput) => request<Redemption>('POST', '/api/v1/vouchers/redeem', input);
export const getRedemptions = (institutionId: string, m: string) =>
  request<{ items: Redemption[] }>('GET', `/api/v1/institutions/${id(institutionId)}/voucher-redemptions?${month(m)}`);
export const reverseRedemption = (redemptionId: string, reason: string) =>
  request<Redemption>('POST', `/api/v1/voucher-redemptions/${id(redemptionId)}/reverse`, { reason });

export const getPrograms = () => request<{ items: Program[] }>('GET', '/api/v1/voucher-programs');
export const getProgram = (programId: string) => request<Program>('GET', `/api/v1/voucher-programs/${id(programId)}`);
export const createProgram = (input: NewProgram) => request<Program>('POST', '/api/v1/voucher-programs', input);
export const changeProgramStatus = (programId: string, action: ProgramAction) =>
  request<Program>('POST', `/api/v1/voucher-programs/${id(programId)}/${action}`);
export const getProgramSummary = (programId: string) => request<ProgramSummary>('GET', `/api/v1/voucher-programs/${id(programId)}/summary`);
export const runLottery = (programId: string) => request<RunResult>('POST', `/api/v1/voucher-programs/${id(programId)}/lottery`);
export const runGrant = (programId: string) => request<RunResult>('POST', `/api/v1/voucher-programs/${id(programId)}/grant`);
export const runExpiry = (programId: string) => request<{ expired: number }>('POST', `/api/v1/voucher-programs/${id(programId)}/expire`);

export const runSettlement = (m: string) =>
  request<{ month: string; created: Settlement[] }>('POST', '/api/v1/voucher-settlements', { month: m });
export const getSettlements = (m: string) => request<{ items: Settlement[] }>('GET', `/api/v1/voucher-settlements?${month(m)}`);
export const paySettlement = (settlementId: string, reference: string) =>
  request<Settlement>('POST', `/api/v1/voucher-settlements/${id(settlementId)}/pay`, { reference });
export const settlementsXlsxHref = (m: string) => `/api/v1/voucher-settlements.xlsx?${month(m)}`;
