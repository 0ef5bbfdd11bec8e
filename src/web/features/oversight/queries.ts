import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import { getAccess, getIndicators, getPublicIndicators, getSeries, postScenario, type Scenario, type ScenarioInput } from './api';

/** Query keys in one place; every one starts with 'oversight'. */
export const keys = {
  indicators: (code: string) => ['oversight', 'indicators', code] as const,
  series: (code: string, from: string, to: string) => ['oversight', 'series', code, from, to] as const,
  access: (code: string) => ['oversight', 'access', code] as const,
  public: (code: string) => ['oversight', 'public', code] as const,
};

// Figures move with each filing and enrolment; a minute old is fresh enough for a dashboard.
const MINUTE = 60_000;

export function useIndicators(code: string) {
  return useQuery({
    queryKey: keys.indicators(code),
    queryFn: () => getIndicators(code),
    staleTime: MINUTE,
    placeholderData: keepPreviousData,
  });
}

export function useSeries(code: string, from: string, to: string) {
  return useQuery({ queryKey: keys.series(code, from, to), queryFn: () => getSeries(code, from, to), staleTime: 10 * MINUTE });
}

export function useAccess(code: string) {
  return useQuery({ queryKey: keys.access(code), queryFn: () => getAccess(code), staleTime: MINUTE });
}

export function usePublicIndicators(code: string) {
  return useQuery({ queryKey: keys.public(code), queryFn: () => getPublicIndicators(code), staleTime: 10 * MINUTE });
}

/** A scenario never changes real data, so nothing else is refetched after it. */
export function useRunScenario() {
  return useMutation<Scenario, ApiError, ScenarioInput>({ mutationFn: postScenario });
}
