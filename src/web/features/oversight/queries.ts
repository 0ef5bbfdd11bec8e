import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import { useRegistry } from '../institutions/queries';
import {
  type AccessDemand,
  getAccess,
  getCompliance,
  getIndicators,
  getOversightSettings,
  getPrograms,
  getPublicIndicators,
  getScenarios,
  getSeries,
  getWaitingFilings,
  type OversightSettings,
  type OversightSettingsInput,
  postScenario,
  putOversightSettings,
  type Scenario,
  type ScenarioInput,
} from './api';

/** Query keys in one place; every one starts with 'oversight'. */
export const keys = {
  indicators: (code: string) => ['oversight', 'indicators', code] as const,
  series: (code: string, from: string, to: string) => ['oversight', 'series', code, from, to] as const,
  access: (code: string, demand: AccessDemand) => ['oversight', 'access', code, demand] as const,
  public: (code: string) => ['oversight', 'public', code] as const,
  waitingFilings: (code: string) => ['oversight', 'waiting-filings', code] as const,
  compliance: (code: string) => ['oversight', 'compliance', code] as const,
  programs: ['oversight', 'programs'] as const,
  scenarios: ['oversight', 'scenarios'] as const,
  settings: ['oversight', 'settings'] as const,
};

// Figures move with each filing and enrolment; a minute old is fresh enough for a dashboard.
const MINUTE = 60_000;

/** Keyed by division only: a previous answer would be another division's figures under this one's name. */
export function useIndicators(code: string) {
  return useQuery({
    queryKey: keys.indicators(code),
    queryFn: () => getIndicators(code),
    staleTime: MINUTE,
  });
}

export function useSeries(code: string, from: string, to: string) {
  return useQuery({ queryKey: keys.series(code, from, to), queryFn: () => getSeries(code, from, to), staleTime: 10 * MINUTE });
}

/**
 * The previous answer stays while another demand of the same division loads; another division's
 * figures would read as this one's, so a new division shows loading.
 */
export function useAccess(code: string, demand: AccessDemand) {
  return useQuery({
    queryKey: keys.access(code, demand),
    queryFn: () => getAccess(code, demand),
    staleTime: MINUTE,
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2] === code ? previous : undefined),
  });
}

/** A township's institutions in the registry: its dashboard's list and map share the one request. */
export function useTownshipInstitutions(code: string) {
  return useRegistry({ division: code, inclusive: false, hasProblems: false, page: 1, pageSize: 100 });
}

export function usePublicIndicators(code: string) {
  return useQuery({ queryKey: keys.public(code), queryFn: () => getPublicIndicators(code), staleTime: 10 * MINUTE });
}

/** A scenario never changes real data, so nothing else is refetched after it. */
/** Runs and saves a scenario; the saved list then shows it. */
export function useRunScenario() {
  const client = useQueryClient();
  return useMutation<Scenario, ApiError, ScenarioInput>({
    mutationFn: postScenario,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.scenarios }),
  });
}

/** The official's own saved scenarios, newest first. */
export function useScenarios() {
  return useQuery({ queryKey: keys.scenarios, queryFn: getScenarios });
}

export function useWaitingFilings(code: string) {
  return useQuery({ queryKey: keys.waitingFilings(code), queryFn: () => getWaitingFilings(code), staleTime: MINUTE });
}

/** Compliance counted for a city or district (its rows are the divisions below). */
export function useCompliance(code: string) {
  return useQuery({ queryKey: keys.compliance(code), queryFn: () => getCompliance(code), staleTime: MINUTE });
}

export function usePrograms() {
  return useQuery({ queryKey: keys.programs, queryFn: getPrograms, staleTime: MINUTE });
}

export function useOversightSettings() {
  return useQuery({ queryKey: keys.settings, queryFn: getOversightSettings });
}

/** Saves the targets; every figure measured against them is asked again. */
export function useSaveOversightSettings() {
  const client = useQueryClient();
  return useMutation<OversightSettings, ApiError, OversightSettingsInput>({
    mutationFn: putOversightSettings,
    onSuccess: (saved) => {
      client.setQueryData(keys.settings, saved);
      return client.invalidateQueries({ queryKey: ['oversight'] });
    },
  });
}
