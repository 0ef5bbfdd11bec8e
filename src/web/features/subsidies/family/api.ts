/**
 * The parent's benefits: the yearly statement for the special additional deduction for care of
 * children under 3 (3岁以下婴幼儿照护专项附加扣除) and the national childcare subsidy (育儿补贴).
 * Shapes follow src/server/modules/subsidies/family/familySchemas.ts; money is integer fen.
 */
import { request } from '../../../api/client';

/** The deduction is taken 100% by one parent or 50% by each. */
export type SharePercent = 100 | 50;

export type DeductionMonth = { month: string; standardFen: number; deductibleFen: number };

export type ChildDeduction = {
  childId: string;
  childName: string;
  birthDate: string;
  /** The share this statement uses: chosen, or what the other guardians left. */
  sharePercent: number;
  shareChosen: boolean;
  otherGuardiansPercent: number;
  months: DeductionMonth[];
  totalFen: number;
};

export type TaxDeductionStatement = { year: number; guardianName: string; children: ChildDeduction[]; totalFen: number };

export type ClaimStatus = 'applied' | 'approved' | 'rejected';
export type Claim = { id: string; status: ClaimStatus; appliedAt: string; decidedAt: string | null; reason: string | null };

export type ChildcareSubsidy = {
  childId: string;
  childName: string;
  birthDate: string;
  policy: { fromMonth: string; yearlyFen: number };
  years: { year: number; months: string[]; amountFen: number }[];
  totalFen: number;
  claim: Claim | null;
};

const id = encodeURIComponent;

export const taxStatementHref = (year: number) => `/api/v1/tax-deduction/${year}/statement.xlsx`;
export const getTaxStatement = (year: number) => request<TaxDeductionStatement>('GET', `/api/v1/tax-deduction/${year}`);
export const putShare = (childId: string, year: number, sharePercent: SharePercent) =>
  request<TaxDeductionStatement>('PUT', `/api/v1/children/${id(childId)}/tax-deduction/${year}`, { sharePercent });
export const getChildcareSubsidy = (childId: string) =>
  request<ChildcareSubsidy>('GET', `/api/v1/children/${id(childId)}/childcare-subsidy`);
export const postChildcareSubsidy = (childId: string) =>
  request<ChildcareSubsidy>('POST', `/api/v1/children/${id(childId)}/childcare-subsidy`);
