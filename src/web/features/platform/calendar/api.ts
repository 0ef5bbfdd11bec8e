/** The official holiday calendar the working-day deadlines count with; the admin replaces a year's days. */
import { id, request } from '../../../api/client';
import type { BodyOf, ResponseOf } from '../../../api/types';

export type CalendarYear = ResponseOf<'/api/v1/calendar/years/{year}', 'get'>;
export type ReplaceYear = BodyOf<'/api/v1/admin/calendar/years/{year}', 'put'>;
export type CalendarDay = ReplaceYear['days'][number];

export const getCalendarYears = () => request<ResponseOf<'/api/v1/calendar/years', 'get'>>('GET', '/api/v1/calendar/years');
export const getCalendarYear = (year: number) => request<CalendarYear>('GET', `/api/v1/calendar/years/${id(String(year))}`);
export const putCalendarYear = (year: number, body: ReplaceYear) =>
  request<CalendarYear>('PUT', `/api/v1/admin/calendar/years/${id(String(year))}`, body);
