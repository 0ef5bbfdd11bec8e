import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import {
  type ChildcareSubsidy,
  type ClaimDecision,
  type ClaimStatus,
  getChildcareClaims,
  getChildcareSubsidy,
  getTaxStatement,
  type OfficialClaim,
  postChildcareSubsidy,
  postClaimDecision,
  putShare,
  type SharePercent,
  type TaxDeductionStatement,
} from './api';

const keys = {
  statement: (year: number) => ['subsidies', 'taxStatement', year] as const,
  subsidy: (childId: string) => ['subsidies', 'childcareSubsidy', childId] as const,
  claims: ['subsidies', 'childcareClaims'] as const,
};

export const useTaxStatement = (year: number) => useQuery({ queryKey: keys.statement(year), queryFn: () => getTaxStatement(year) });

export function useChooseShare(year: number) {
  const client = useQueryClient();
  return useMutation<TaxDeductionStatement, ApiError, { childId: string; sharePercent: SharePercent }>({
    mutationFn: ({ childId, sharePercent }) => putShare(childId, year, sharePercent),
    // The answer is the whole statement with the new share: show it without asking again.
    onSuccess: (statement) => client.setQueryData(keys.statement(year), statement),
  });
}

export const useChildcareSubsidy = (childId: string) =>
  useQuery({ queryKey: keys.subsidy(childId), queryFn: () => getChildcareSubsidy(childId) });

export function useApplyChildcareSubsidy(childId: string) {
  const client = useQueryClient();
  return useMutation<ChildcareSubsidy, ApiError, void>({
    mutationFn: () => postChildcareSubsidy(childId),
    // A refusal (applied already, from another phone) means the shown state is stale too.
    onSettled: () => client.invalidateQueries({ queryKey: keys.subsidy(childId) }),
  });
}

export const useChildcareClaims = (status: ClaimStatus | undefined) =>
  useQuery({ queryKey: [...keys.claims, status ?? 'all'], queryFn: () => getChildcareClaims(status) });

export function useDecideClaim() {
  const client = useQueryClient();
  return useMutation<OfficialClaim, ApiError, { claimId: string; input: ClaimDecision }>({
    mutationFn: ({ claimId, input }) => postClaimDecision(claimId, input),
    onSettled: () => client.invalidateQueries({ queryKey: keys.claims }),
  });
}
