import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import { type CalendarYear, getCalendarYear, getCalendarYears, putCalendarYear, type ReplaceYear } from './api';

const keys = {
  all: ['calendar'] as const,
  years: ['calendar', 'years'] as const,
  year: (year: number) => ['calendar', 'years', year] as const,
};

export const useCalendarYears = () => useQuery({ queryKey: keys.years, queryFn: getCalendarYears });
export const useCalendarYear = (year: number) => useQuery({ queryKey: keys.year(year), queryFn: () => getCalendarYear(year) });

export function useReplaceCalendarYear(year: number) {
  const queryClient = useQueryClient();
  return useMutation<CalendarYear, ApiError, ReplaceYear>({
    mutationFn: (body) => putCalendarYear(year, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.all }),
  });
}
