import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, getPublicInstitution } from '../../../api/client';
import {
  type Designation,
  type GrantInput,
  getComplianceSummary,
  getRegistry,
  getRegistryRecord,
  postDesignation,
  postStatusAction,
  type RegistryFilter,
  type RegistryRecord,
  revokeDesignation,
  type StatusAction,
} from './api';

// Every key starts with 'institutions', so a change made anywhere (here or in the filing review)
// refreshes the list, the records and the counts together.
const keys = {
  all: ['institutions'] as const,
  registry: (filter: RegistryFilter) => ['institutions', 'registry', filter] as const,
  record: (id: string) => ['institutions', 'record', id] as const,
  publicProfile: (id: string) => ['institutions', 'public', id] as const,
  compliance: (division: string | undefined) => ['institutions', 'compliance', division ?? ''] as const,
};

export const useRegistry = (filter: RegistryFilter) =>
  useQuery({ queryKey: keys.registry(filter), queryFn: () => getRegistry(filter), placeholderData: keepPreviousData });

export const useRecord = (id: string) =>
  useQuery<RegistryRecord, ApiError>({ queryKey: keys.record(id), queryFn: () => getRegistryRecord(id) });

/** The public page, for what only it carries (the last inspection); only a listed institution has one. */
export const usePublicProfile = (id: string, listed: boolean) =>
  useQuery({ queryKey: keys.publicProfile(id), queryFn: () => getPublicInstitution(id), enabled: listed });

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
