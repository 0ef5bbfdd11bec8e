/**
 * The family benefits: the yearly statement for the special additional deduction for care of
 * children under 3 (3岁以下婴幼儿照护专项附加扣除) and the national childcare subsidy (育儿补贴),
 * as the parent applies for it and as officials decide it (no child's name). Money is integer fen.
 */
import { id, query, request } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type TaxDeductionStatement = ResponseOf<'/api/v1/tax-deduction/{year}', 'get'>;
export type ChildDeduction = TaxDeductionStatement['children'][number];
export type DeductionMonth = ChildDeduction['months'][number];
/** The deduction is taken 100% by one parent or 50% by each. */
export type SharePercent = BodyOf<'/api/v1/children/{id}/tax-deduction/{year}', 'put'>['sharePercent'];

export type ChildcareSubsidy = ResponseOf<'/api/v1/children/{id}/childcare-subsidy', 'get'>;
/** A childcare subsidy application as officials see it: no child's name. */
export type OfficialClaim = ItemOf<ResponseOf<'/api/v1/childcare-subsidy-claims', 'get'>>;
export type ClaimStatus = OfficialClaim['status'];
export type ClaimDecision = BodyOf<'/api/v1/childcare-subsidy-claims/{id}/decide', 'post'>;

export const taxStatementHref = (year: number) => `/api/v1/tax-deduction/${year}/statement.xlsx`;
export const getTaxStatement = (year: number) => request<TaxDeductionStatement>('GET', `/api/v1/tax-deduction/${year}`);
export const putShare = (childId: string, year: number, sharePercent: SharePercent) =>
  request<TaxDeductionStatement>('PUT', `/api/v1/children/${id(childId)}/tax-deduction/${year}`, { sharePercent });
export const getChildcareSubsidy = (childId: string) =>
  request<ChildcareSubsidy>('GET', `/api/v1/children/${id(childId)}/childcare-subsidy`);
export const postChildcareSubsidy = (childId: string) =>
  request<ChildcareSubsidy>('POST', `/api/v1/children/${id(childId)}/childcare-subsidy`);

export const getChildcareClaims = (status?: ClaimStatus) => {
  const search = query({ status });
  return request<ResponseOf<'/api/v1/childcare-subsidy-claims', 'get'>>(
    'GET',
    `/api/v1/childcare-subsidy-claims${search ? `?${search}` : ''}`,
  );
};
export const postClaimDecision = (claimId: string, input: ClaimDecision) =>
  request<OfficialClaim>('POST', `/api/v1/childcare-subsidy-claims/${id(claimId)}/decide`, input);
