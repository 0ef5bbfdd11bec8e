import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import { getFailedMessages, type OutboundMessage, retryMessage } from './api';

const keys = { failed: (page: number, pageSize: number) => ['messages', 'failed', page, pageSize] as const };

export const useFailedMessages = (page: number, pageSize: number) =>
  useQuery({ queryKey: keys.failed(page, pageSize), queryFn: () => getFailedMessages(page, pageSize), placeholderData: keepPreviousData });

export function useRetryMessage() {
  const client = useQueryClient();
  return useMutation<OutboundMessage, ApiError, string>({
    mutationFn: retryMessage,
    onSuccess: () => client.invalidateQueries({ queryKey: ['messages'] }),
  });
}
