import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  acknowledgeIllnessAlert,
  assessWarningSigns,
  type CurveIndicator,
  deleteMeasurement,
  getGrowthCurves,
  getGrowthRecord,
  getHealthCheckSchedule,
  getIllnessAlerts,
  getWarningSigns,
  type IllnessAlert,
  type Measurement,
  type MeasurementInput,
  postMeasurement,
  postZscores,
  putMeasurement,
  type Sex,
  type WarningSignAssessment,
  type ZscoreInput,
  type ZscoreResult,
} from './api';

/** Query keys in one place; every one starts with 'health'. */
export const keys = {
  curves: (indicator: CurveIndicator, sex: Sex) => ['health', 'curves', indicator, sex] as const,
  schedule: (birthDate: string | undefined, done: readonly string[]) => ['health', 'schedule', birthDate, done] as const,
  warningSigns: (birthDate: string | undefined) => ['health', 'warningSigns', birthDate] as const,
  growthRecord: (childId: string) => ['health', 'growthRecord', childId] as const,
  illnessAlerts: ['health', 'illnessAlerts'] as const,
  illnessAlertsWith: (status: 'open' | 'all') => ['health', 'illnessAlerts', status] as const,
};

export function useZscores() {
  return useMutation<ZscoreResult, ApiError, ZscoreInput>({ mutationFn: postZscores });
}

/** WHO reference values never change: one fetch per indicator and sex for the whole session. */
export function useGrowthCurves(indicator: CurveIndicator, sex: Sex) {
  return useQuery({
    queryKey: keys.curves(indicator, sex),
    queryFn: () => getGrowthCurves(indicator, sex),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// The server decides "today" (Asia/Shanghai), so an hour is as fresh as the status needs to be.
const HOUR = 60 * 60_000;

export function useHealthCheckSchedule(birthDate: string | undefined, done: readonly string[]) {
  return useQuery({
    queryKey: keys.schedule(birthDate, done),
    queryFn: () => getHealthCheckSchedule(birthDate as string, done),
    enabled: birthDate !== undefined,
    staleTime: HOUR,
    // Ticking a visit as done refetches; keep the list on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useWarningSigns(birthDate: string | undefined) {
  return useQuery({
    queryKey: keys.warningSigns(birthDate),
    queryFn: () => getWarningSigns(birthDate as string),
    enabled: birthDate !== undefined,
    staleTime: HOUR,
  });
}

export function useAssessWarningSigns() {
  return useMutation<WarningSignAssessment, ApiError, { ageMonths: number; ticked: string[] }>({
    mutationFn: ({ ageMonths, ticked }) => assessWarningSigns(ageMonths, ticked),
  });
}

export function useGrowthRecord(childId: string | undefined) {
  return useQuery({
    queryKey: keys.growthRecord(childId ?? ''),
    queryFn: () => getGrowthRecord(childId as string),
    enabled: childId !== undefined,
  });
}

/**
 * Records a measurement, or corrects the one given; the record reloads so the table and charts
 * show it with its scores.
 */
export function useSaveMeasurement(childId: string, measurementId?: string) {
  const client = useQueryClient();
  return useMutation<Measurement, ApiError, MeasurementInput>({
    mutationFn: (input) => (measurementId ? putMeasurement(measurementId, input) : postMeasurement(childId, input)),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.growthRecord(childId) }),
  });
}

/** Removes an entry (the server audits what it held); the record reloads without it. */
export function useDeleteMeasurement(childId: string) {
  const client = useQueryClient();
  return useMutation<null, ApiError, string>({
    mutationFn: deleteMeasurement,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.growthRecord(childId) }),
  });
}

// An alert is raised when a caregiver records a morning check; a few minutes is fresh enough.
const ALERT_REFRESH_MS = 2 * 60_000;

export function useIllnessAlerts(status: 'open' | 'all') {
  return useQuery({
    queryKey: keys.illnessAlertsWith(status),
    queryFn: () => getIllnessAlerts(status),
    refetchInterval: ALERT_REFRESH_MS,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation<IllnessAlert, ApiError, string>({
    mutationFn: acknowledgeIllnessAlert,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.illnessAlerts }),
  });
}
