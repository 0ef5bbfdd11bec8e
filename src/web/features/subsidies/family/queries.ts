import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, getMyChildren } from '../../../api/client';
import {
  type ChildcareSubsidy,
  getChildcareSubsidy,
  getTaxStatement,
  postChildcareSubsidy,
  putShare,
  type SharePercent,
  type TaxDeductionStatement,
} from './api';

const keys = {
  children: ['benefits', 'children'] as const,
  statement: (year: number) => ['benefits', 'taxStatement', year] as const,
  subsidy: (childId: string) => ['benefits', 'childcareSubsidy', childId] as const,
};

export const useMyChildren = () => useQuery({ queryKey: keys.children, queryFn: getMyChildren });
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
