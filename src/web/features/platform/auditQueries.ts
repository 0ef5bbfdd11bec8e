import { useQuery } from '@tanstack/react-query';
import { getAudit } from '../../api/client';

export function useRecentAudit(limit: number) {
  return useQuery({ queryKey: ['audit', 'recent', limit], queryFn: () => getAudit(limit) });
}
