import { useQuery } from '@tanstack/react-query';
import { getAccessLog, getMyChildren, getPickupPersons } from './api';

/** Query keys in one place so a write can refresh exactly the lists it changed. */
export const keys = {
  mine: ['children', 'mine'] as const,
  pickup: (childId: string) => ['children', 'pickup', childId] as const,
  accessLog: (childId: string) => ['children', 'accessLog', childId] as const,
};

/** The signed-in guardian's children with their full records. */
export const useMyChildren = (enabled = true) => useQuery({ queryKey: keys.mine, queryFn: getMyChildren, enabled });
export const usePickupPersons = (childId: string) => useQuery({ queryKey: keys.pickup(childId), queryFn: () => getPickupPersons(childId) });
export const useAccessLog = (childId: string) => useQuery({ queryKey: keys.accessLog(childId), queryFn: () => getAccessLog(childId) });
