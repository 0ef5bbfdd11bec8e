import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import {
  type Complaint,
  type ComplaintFilter,
  type ComplaintInput,
  type ComplaintRating,
  type ComplaintTransition,
  getComplaints,
  postComplaint,
  postInspectionOrder,
  postRating,
  postTransition,
} from './api';

const keys = { all: ['complaints'] as const, list: (filter: ComplaintFilter) => ['complaints', filter] as const };

export const useComplaints = (filter: ComplaintFilter) => useQuery({ queryKey: keys.list(filter), queryFn: () => getComplaints(filter) });

export function useSubmitComplaint() {
  const queryClient = useQueryClient();
  return useMutation<{ id: string; reference: string }, ApiError, ComplaintInput>({
    mutationFn: postComplaint,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useTransition() {
  const queryClient = useQueryClient();
  return useMutation<Complaint, ApiError, { complaintId: string; body: ComplaintTransition }>({
    mutationFn: ({ complaintId, body }) => postTransition(complaintId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

export function useRate() {
  const queryClient = useQueryClient();
  return useMutation<Complaint, ApiError, { complaintId: string; body: ComplaintRating }>({
    mutationFn: ({ complaintId, body }) => postRating(complaintId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}

/** A targeted inspection from the complaint: the complaint shows it, and the district's inspection lists gain it. */
export function useOrderInspection() {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, string>({
    mutationFn: postInspectionOrder,
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: keys.all }), queryClient.invalidateQueries({ queryKey: ['supervision'] })]),
  });
}
