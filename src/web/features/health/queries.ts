import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  assessWarningSigns,
  type CurveIndicator,
  getGrowthCurves,
  getHealthCheckSchedule,
  getWarningSigns,
  postZscores,
  type Sex,
  type WarningSignAssessment,
  type ZscoreInput,
  type ZscoreResult,
} from './api';

export function useZscores() {
  return useMutation<ZscoreResult, ApiError, ZscoreInput>({ mutationFn: postZscores });
}

/** WHO reference values never change: one fetch per indicator and sex for the whole session. */
export function useGrowthCurves(indicator: CurveIndicator, sex: Sex) {
  return useQuery({
    queryKey: ['health', 'curves', indicator, sex],
    queryFn: () => getGrowthCurves(indicator, sex),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

// The server decides "today" (Asia/Shanghai), so an hour is as fresh as the status needs to be.
const HOUR = 60 * 60_000;

export function useHealthCheckSchedule(birthDate: string | undefined, done: readonly string[]) {
  return useQuery({
    queryKey: ['health', 'schedule', birthDate, done],
    queryFn: () => getHealthCheckSchedule(birthDate as string, done),
    enabled: birthDate !== undefined,
    staleTime: HOUR,
    // Ticking a visit as done refetches; keep the list on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
  });
}

export function useWarningSigns(birthDate: string | undefined) {
  return useQuery({
    queryKey: ['health', 'warningSigns', birthDate],
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
