/**
 * Vouchers (补贴券): what a family may claim, its vouchers and lottery applications; redemption
 * (核销) at the institution; the officials' programs and settlement (结算). Money is integer fen.
 * Fee statements, which a redemption deducts from, are enrollment's (../../enrollment/api.ts).
 */
import { id, request } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type Voucher = ItemOf<ResponseOf<'/api/v1/vouchers', 'get'>>;
export type VoucherStatus = Voucher['status'];
export type IssuanceMode = Voucher['issuedVia'];
/** Where a voucher can be used: any institution in operation in the division, inclusive ones, or those listed. */
export type UsableAt = Voucher['usableAt'];
export type VoucherApplication = ItemOf<ResponseOf<'/api/v1/voucher-applications', 'get'>>;
export type AvailableProgram = ItemOf<ResponseOf<'/api/v1/voucher-programs/available', 'get'>>;
export type ClaimResult = ResponseOf<'/api/v1/voucher-programs/{id}/claims', 'post'>;

export type VoucherLookup = ResponseOf<'/api/v1/vouchers/lookup', 'post'>;
type RedeemInput = BodyOf<'/api/v1/vouchers/redeem', 'post'>;
export type Redemption = ResponseOf<'/api/v1/vouchers/redeem', 'post'>;

export type Program = ItemOf<ResponseOf<'/api/v1/voucher-programs', 'get'>>;
export type ProgramStatus = Program['status'];
export type ProgramAction = Program['allowedActions'][number];
/** budget = unissued + outstanding + redeemed + expired; redeemed includes settled and paid. */
export type ProgramSummary = ResponseOf<'/api/v1/voucher-programs/{id}/summary', 'get'>;
/** The server's CreateProgram body; omitted residence divisions default to the program's division. */
export type NewProgram = BodyOf<'/api/v1/voucher-programs', 'post'>;
export type RunResult = ResponseOf<'/api/v1/voucher-programs/{id}/lottery', 'post'>;
export type Settlement = ItemOf<ResponseOf<'/api/v1/voucher-settlements', 'get'>>;

const month = (m: string) => `month=${encodeURIComponent(m)}`;

export const getAvailablePrograms = () =>
  request<ResponseOf<'/api/v1/voucher-programs/available', 'get'>>('GET', '/api/v1/voucher-programs/available');
export const claimVoucher = (programId: string, childId: string) =>
  request<ClaimResult>('POST', `/api/v1/voucher-programs/${id(programId)}/claims`, { childId });
export const getVoucherApplications = () =>
  request<ResponseOf<'/api/v1/voucher-applications', 'get'>>('GET', '/api/v1/voucher-applications');
export const withdrawVoucherApplication = (applicationId: string) =>
  request<VoucherApplication>('POST', `/api/v1/voucher-applications/${id(applicationId)}/withdraw`);
export const getMyVouchers = () => request<ResponseOf<'/api/v1/vouchers', 'get'>>('GET', '/api/v1/vouchers');

export const lookupVoucher = (code: string) => request<VoucherLookup>('POST', '/api/v1/vouchers/lookup', { code });
export const redeemVoucher = (input: RedeemInput) => request<Redemption>('POST', '/api/v1/vouchers/redeem', input);
export const getRedemptions = (institutionId: string, m: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/voucher-redemptions', 'get'>>(
    'GET',
    `/api/v1/institutions/${id(institutionId)}/voucher-redemptions?${month(m)}`,
  );
export const reverseRedemption = (redemptionId: string, reason: string) =>
  request<Redemption>('POST', `/api/v1/voucher-redemptions/${id(redemptionId)}/reverse`, { reason });

export const getPrograms = () => request<ResponseOf<'/api/v1/voucher-programs', 'get'>>('GET', '/api/v1/voucher-programs');
export const getProgram = (programId: string) => request<Program>('GET', `/api/v1/voucher-programs/${id(programId)}`);
export const createProgram = (input: NewProgram) => request<Program>('POST', '/api/v1/voucher-programs', input);
export const changeProgramStatus = (programId: string, action: ProgramAction) =>
  request<Program>('POST', `/api/v1/voucher-programs/${id(programId)}/${action}`);
export const getProgramSummary = (programId: string) => request<ProgramSummary>('GET', `/api/v1/voucher-programs/${id(programId)}/summary`);
export const runLottery = (programId: string) => request<RunResult>('POST', `/api/v1/voucher-programs/${id(programId)}/lottery`);
export const runGrant = (programId: string) =>
  request<ResponseOf<'/api/v1/voucher-programs/{id}/grant', 'post'>>('POST', `/api/v1/voucher-programs/${id(programId)}/grant`);
export const runExpiry = (programId: string) =>
  request<ResponseOf<'/api/v1/voucher-programs/{id}/expire', 'post'>>('POST', `/api/v1/voucher-programs/${id(programId)}/expire`);

export const runSettlement = (m: string) =>
  request<ResponseOf<'/api/v1/voucher-settlements', 'post'>>('POST', '/api/v1/voucher-settlements', { month: m });
export const getSettlements = (m: string) =>
  request<ResponseOf<'/api/v1/voucher-settlements', 'get'>>('GET', `/api/v1/voucher-settlements?${month(m)}`);
export const paySettlement = (settlementId: string, reference: string) =>
  request<ResponseOf<'/api/v1/voucher-settlements/{id}/pay', 'post'>>('POST', `/api/v1/voucher-settlements/${id(settlementId)}/pay`, {
    reference,
  });
export const settlementsXlsxHref = (m: string) => `/api/v1/voucher-settlements.xlsx?${month(m)}`;
