import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  type ConflictInput,
  type DecisionInput,
  getDirectory,
  getInspection,
  getInspectionStatuses,
  getInspections,
  getPublicHistory,
  getRectifications,
  getRounds,
  type InspectionFilter,
  type InspectorInput,
  postConflict,
  postDecision,
  postInspector,
  postRerun,
  postResults,
  postRound,
  putInspectorActive,
  type ResultsInput,
  type RoundInput,
  uploadEvidence,
} from './api';

/** Query keys in one place; every one starts with 'supervision'. */
export const keys = {
  all: ['supervision'] as const,
  directory: (code: string) => ['supervision', 'directory', code] as const,
  rounds: (code: string) => ['supervision', 'rounds', code] as const,
  inspections: (code: string | undefined, filter: InspectionFilter = {}) => ['supervision', 'inspections', code ?? 'own', filter] as const,
  inspection: (inspectionId: string) => ['supervision', 'inspection', inspectionId] as const,
  rectifications: (code: string | undefined, overdue: boolean) => ['supervision', 'rectifications', code ?? 'own', overdue] as const,
  publicHistory: (institutionId: string) => ['supervision', 'public', institutionId] as const,
  statuses: (institutionIds: readonly string[]) => ['supervision', 'statuses', institutionIds] as const,
};

export const useDirectory = (code: string) => useQuery({ queryKey: keys.directory(code), queryFn: () => getDirectory(code) });
export const useRounds = (code: string) => useQuery({ queryKey: keys.rounds(code), queryFn: () => getRounds(code) });
export const useInspections = (code: string | undefined, filter: InspectionFilter = {}) =>
  useQuery({ queryKey: keys.inspections(code, filter), queryFn: () => getInspections(code, filter) });
export const useInspection = (inspectionId: string) =>
  useQuery({ queryKey: keys.inspection(inspectionId), queryFn: () => getInspection(inspectionId) });
export const useRectifications = (code: string | undefined, overdue: boolean) =>
  useQuery({
    queryKey: keys.rectifications(code, overdue),
    queryFn: () => getRectifications({ ...(code ? { divisionCode: code } : {}), ...(overdue ? { overdue: 'true' as const } : {}) }),
  });
export const usePublicHistory = (institutionId: string) =>
  useQuery({ queryKey: keys.publicHistory(institutionId), queryFn: () => getPublicHistory(institutionId) });

/** The inspection status of each institution on a page of the finder's results, in one request, as a map by id. */
export const useInspectionStatuses = (institutionIds: readonly string[]) =>
  useQuery({
    queryKey: keys.statuses(institutionIds),
    queryFn: async () => new Map((await getInspectionStatuses(institutionIds)).map((s) => [s.institutionId, s])),
    enabled: institutionIds.length > 0,
  });

/** Every write refreshes the module's lists: they are few and small. */
function useWrite<T, V>(fn: (v: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation<T, ApiError, V>({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useAddInspector = () => useWrite((input: InspectorInput) => postInspector(input));
export const useAddConflict = () => useWrite((v: { inspectorId: string; input: ConflictInput }) => postConflict(v.inspectorId, v.input));
export const useSetInspectorActive = () =>
  useWrite((v: { inspectorId: string; active: boolean }) => putInspectorActive(v.inspectorId, v.active));
export const useDrawRound = () => useWrite((input: RoundInput) => postRound(input));
export const useRerun = () => useMutation({ mutationFn: postRerun });
export const useRecordResults = () => useWrite((v: { inspectionId: string; input: ResultsInput }) => postResults(v.inspectionId, v.input));
export const useDecide = () => useWrite((v: { rectificationId: string; input: DecisionInput }) => postDecision(v.rectificationId, v.input));
export const useUploadEvidence = () =>
  useWrite((v: { rectificationId: string; text: string; photo: File | undefined }) => uploadEvidence(v.rectificationId, v.text, v.photo));
