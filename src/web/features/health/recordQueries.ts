import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  acknowledgeIllnessAlert,
  getGrowthRecord,
  getIllnessAlerts,
  type IllnessAlert,
  type Measurement,
  type MeasurementInput,
  postMeasurement,
} from './api';

const recordKey = (childId: string) => ['health', 'growthRecord', childId] as const;

export function useGrowthRecord(childId: string | undefined) {
  return useQuery({
    queryKey: recordKey(childId ?? ''),
    queryFn: () => getGrowthRecord(childId as string),
    enabled: childId !== undefined,
  });
}

/** Records a measurement; the record reloads so the table and charts show it with its scores. */
export function useRecordMeasurement(childId: string) {
  const client = useQueryClient();
  return useMutation<Measurement, ApiError, MeasurementInput>({
    mutationFn: (input) => postMeasurement(childId, input),
    onSuccess: () => client.invalidateQueries({ queryKey: recordKey(childId) }),
  });
}

const alertsKey = ['health', 'illnessAlerts'] as const;

// An alert is raised when a caregiver records a morning check; a few minutes is fresh enough.
const ALERT_REFRESH_MS = 2 * 60_000;

export function useIllnessAlerts(status: 'open' | 'all') {
  return useQuery({
    queryKey: [...alertsKey, status],
    queryFn: () => getIllnessAlerts(status),
    refetchInterval: ALERT_REFRESH_MS,
  });
}

export function useAcknowledgeAlert() {
  const client = useQueryClient();
  return useMutation<IllnessAlert, ApiError, string>({
    mutationFn: acknowledgeIllnessAlert,
    onSuccess: () => client.invalidateQueries({ queryKey: alertsKey }),
  });
}
