import { useQuery } from '@tanstack/react-query';
import { getAudit } from '../../api';

export function useRecentAudit(limit: number) {
  return useQuery({ queryKey: ['audit', 'recent', limit], queryFn: () => getAudit(limit) });
}
