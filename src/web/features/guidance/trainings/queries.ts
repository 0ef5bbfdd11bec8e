import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import * as api from './api';

const keys = {
  all: ['trainings'] as const,
  list: ['trainings', 'list'] as const,
  training: (trainingId: string) => ['trainings', 'training', trainingId] as const,
  hours: (year?: number) => ['trainings', 'hours', year ?? 'this'] as const,
  shortfall: (divisionCode?: string) => ['trainings', 'shortfall', divisionCode ?? ''] as const,
  verification: (code: string) => ['trainings', 'verification', code] as const,
};

export const useTrainings = () => useQuery({ queryKey: keys.list, queryFn: api.getTrainings });
export const useTraining = (trainingId: string) =>
  useQuery({ queryKey: keys.training(trainingId), queryFn: () => api.getTraining(trainingId) });
/** A director's staff hours; only directors have staff, so others do not ask. */
export const useTrainingHours = (year?: number, enabled = true) =>
  useQuery({ queryKey: keys.hours(year), queryFn: () => api.getTrainingHours(year), enabled });
export const useShortfall = (divisionCode?: string) =>
  useQuery({ queryKey: keys.shortfall(divisionCode), queryFn: () => api.getShortfall(divisionCode) });
export const useTrainingVerification = (code: string | undefined) =>
  useQuery({ queryKey: keys.verification(code ?? ''), queryFn: () => api.getTrainingVerification(code as string), enabled: !!code });

/** Any change: every training view is refetched (sessions, attendance, hours, certificates). */
function useTrainingMutation<T, V>(mutationFn: (vars: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation<T, ApiError, V>({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useCreateTraining = () => useTrainingMutation(api.postTraining);
export const useAddTrainingSession = () =>
  useTrainingMutation((v: { trainingId: string; body: api.NewTrainingSession }) => api.postSession(v.trainingId, v.body));
export const useMoveTrainingSession = () =>
  useTrainingMutation((v: { trainingId: string; sessionId: string; body: { startsAt: string; endsAt: string } }) =>
    api.putSessionTime(v.trainingId, v.sessionId, v.body),
  );
export const useEnrol = () =>
  useTrainingMutation((v: { trainingId: string; staffId: string }) => api.postEnrolment(v.trainingId, v.staffId));
export const useAttendance = () =>
  useTrainingMutation((v: { trainingId: string; sessionId: string; enrolmentIds: string[] }) =>
    api.putAttendance(v.trainingId, v.sessionId, v.enrolmentIds),
  );
export const useComplete = () =>
  useTrainingMutation((v: { trainingId: string; enrolmentId: string }) => api.postComplete(v.trainingId, v.enrolmentId));
export const useWithdraw = () =>
  useTrainingMutation((v: { trainingId: string; enrolmentId: string }) => api.postWithdraw(v.trainingId, v.enrolmentId));
export const useUpdateTraining = () =>
  useTrainingMutation((v: { trainingId: string; body: api.NewTraining }) => api.putTraining(v.trainingId, v.body));
export const useCloseTraining = () => useTrainingMutation(api.postClose);
export const useUploadTextbook = () =>
  useTrainingMutation((v: { trainingId: string; file: File }) => api.postTextbook(v.trainingId, v.file));
export const useShareTextbook = () =>
  useTrainingMutation((v: { trainingId: string; fromTrainingId: string }) =>
    api.putTextbookShare(v.trainingId, { fromTrainingId: v.fromTrainingId }),
  );
