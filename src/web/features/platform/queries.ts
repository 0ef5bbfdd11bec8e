import { useQuery } from '@tanstack/react-query';
import { getHealth, getMeta } from '../../api/client';

export function useMeta() {
  return useQuery({ queryKey: ['meta'], queryFn: getMeta, staleTime: Number.POSITIVE_INFINITY });
}

export function useHealth() {
  return useQuery({ queryKey: ['platform', 'health'], queryFn: getHealth, retry: false });
}
