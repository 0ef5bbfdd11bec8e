import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  type Designation,
  type GrantInput,
  getComplianceSummary,
  getDistrictOutlines,
  getFiling,
  getFilingQueue,
  getInstitutionRecord,
  getMapTiles,
  getPublicInstitution,
  getRegistry,
  type InstitutionRecord,
  postDesignation,
  postStatusAction,
  type RegistryFilter,
  revokeDesignation,
  type SearchQueryInput,
  type StatusAction,
  searchInstitutions,
} from './api';

// Every key starts with 'institutions', so a change made anywhere (the director's record, the
// filing review, the registry) refreshes the list, the records and the counts together.
export const keys = {
  all: ['institutions'] as const,
  search: (input: SearchQueryInput) => ['institutions', 'search', input] as const,
  publicProfile: (id: string) => ['institutions', 'public', id] as const,
  record: (id: string) => ['institutions', 'record', id] as const,
  filings: ['institutions', 'filings'] as const,
  filing: (filingId: string) => ['institutions', 'filing', filingId] as const,
  registry: (filter: RegistryFilter) => ['institutions', 'registry', filter] as const,
  compliance: (division: string | undefined) => ['institutions', 'compliance', division ?? ''] as const,
};

/** The public search; `keepPrevious` keeps the last results on screen while the next page loads. */
export const useInstitutionSearch = (input: SearchQueryInput, { keepPrevious = false } = {}) =>
  useQuery({
    queryKey: keys.search(input),
    queryFn: () => searchInstitutions(input),
    placeholderData: keepPrevious ? keepPreviousData : undefined,
  });

/** The public page; only a listed institution has one (`enabled`). */
export const usePublicProfile = (id: string, enabled = true) =>
  useQuery({ queryKey: keys.publicProfile(id), queryFn: () => getPublicInstitution(id), enabled });

/** The tile source of the maps (a server setting: asked once per visit). */
export const useMapTiles = () =>
  useQuery({ queryKey: ['institutions', 'map-tiles'], queryFn: getMapTiles, staleTime: Number.POSITIVE_INFINITY });

/** The district outlines the city imported, for the maps' fallback; asked when a map opens. */
export const useDistrictOutlines = () =>
  useQuery({ queryKey: ['divisions', 'outlines'], queryFn: getDistrictOutlines, staleTime: 5 * 60_000 });

/** The institution's record: facts, classes with their places, staff, files, designations, compliance. */
export const useInstitutionRecord = (id: string) =>
  useQuery<InstitutionRecord, ApiError>({ queryKey: keys.record(id), queryFn: () => getInstitutionRecord(id), enabled: !!id });

export const useFilingQueue = () => useQuery({ queryKey: keys.filings, queryFn: getFilingQueue });
export const useFiling = (filingId: string) => useQuery({ queryKey: keys.filing(filingId), queryFn: () => getFiling(filingId) });

export const useRegistry = (filter: RegistryFilter) =>
  useQuery({ queryKey: keys.registry(filter), queryFn: () => getRegistry(filter), placeholderData: keepPreviousData });

export const useComplianceSummary = (division: string | undefined) =>
  useQuery({ queryKey: keys.compliance(division), queryFn: () => getComplianceSummary(division), placeholderData: keepPreviousData });

function useRefreshingMutation<T, V>(mutationFn: (variables: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation<T, ApiError, V>({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useStatusAction = (id: string) =>
  useRefreshingMutation((v: { action: StatusAction; reason: string }) => postStatusAction(id, v.action, v.reason));

export const useGrantDesignation = (id: string) => useRefreshingMutation<Designation, GrantInput>((input) => postDesignation(id, input));

export const useRevokeDesignation = (id: string) =>
  useRefreshingMutation((v: { designationId: string; reason: string }) => revokeDesignation(id, v.designationId, v.reason));
