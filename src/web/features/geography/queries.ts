import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getDivision, getDivisions } from './api';

// Divisions change a few times a year and population once a year: cache for the session.
const LONG = 10 * 60_000;

export function useDivisionTree() {
  return useQuery({ queryKey: ['geography', 'divisions'], queryFn: getDivisions, staleTime: LONG });
}

export function useDivision(code: string | undefined) {
  return useQuery({
    queryKey: ['geography', 'division', code],
    queryFn: () => getDivision(code as string),
    enabled: code !== undefined,
    staleTime: LONG,
    placeholderData: keepPreviousData,
  });
}
