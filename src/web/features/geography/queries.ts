import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDivision, getDivisions } from './api';

export const keys = {
  tree: ['geography', 'divisions'] as const,
  division: (code: string | undefined) => ['geography', 'division', code] as const,
};

// Divisions change a few times a year and population once a year: cache for the session.
const LONG = 10 * 60_000;

export function useDivisionTree() {
  return useQuery({ queryKey: keys.tree, queryFn: getDivisions, staleTime: LONG });
}

export function useDivision(code: string | undefined) {
  return useQuery({
    queryKey: keys.division(code),
    queryFn: () => getDivision(code as string),
    enabled: code !== undefined,
    staleTime: LONG,
    placeholderData: keepPreviousData,
  });
}
