import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  approveDeletionRequest,
  type DeletionRequestInput,
  getDeletionRequests,
  getMyDeletionRequests,
  type MyDeletionRequest,
  postDeletionRequest,
  type ReviewedDeletionRequest,
  rejectDeletionRequest,
} from './api';

const keys = {
  mine: ['deletion-requests', 'mine'] as const,
  review: ['deletion-requests', 'review'] as const,
};

export const useMyDeletionRequests = () => useQuery({ queryKey: keys.mine, queryFn: getMyDeletionRequests });
export const useDeletionRequests = () => useQuery({ queryKey: keys.review, queryFn: getDeletionRequests });

export function useRequestDeletion() {
  const queryClient = useQueryClient();
  return useMutation<MyDeletionRequest, ApiError, DeletionRequestInput>({
    mutationFn: postDeletionRequest,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.mine }),
  });
}

export function useDecideDeletion() {
  const queryClient = useQueryClient();
  return useMutation<ReviewedDeletionRequest, ApiError, { requestId: string; reject?: string }>({
    mutationFn: ({ requestId, reject }) =>
      reject === undefined ? approveDeletionRequest(requestId) : rejectDeletionRequest(requestId, reject),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.review }),
  });
}
