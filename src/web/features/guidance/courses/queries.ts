import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import * as api from './api';

const keys = {
  all: ['courses'] as const,
  list: (filter: api.CourseFilter) => ['courses', 'list', filter] as const,
  course: (courseId: string) => ['courses', 'course', courseId] as const,
  mine: ['courses', 'bookings'] as const,
  roster: (sessionId: string) => ['courses', 'roster', sessionId] as const,
  ratings: (courseId: string) => ['courses', 'ratings', courseId] as const,
};

export const useCourses = (filter: api.CourseFilter) => useQuery({ queryKey: keys.list(filter), queryFn: () => api.getCourses(filter) });
export const useCourse = (courseId: string) => useQuery({ queryKey: keys.course(courseId), queryFn: () => api.getCourse(courseId) });
export const useMyBookings = () => useQuery({ queryKey: keys.mine, queryFn: api.getMyBookings });
export const useRoster = (sessionId: string) => useQuery({ queryKey: keys.roster(sessionId), queryFn: () => api.getRoster(sessionId) });
export const useRatings = (courseId: string) => useQuery({ queryKey: keys.ratings(courseId), queryFn: () => api.getRatings(courseId) });

/** Any change to a booking or a session: every course view is refetched (seats, waitlists, rosters). */
function useCourseMutation<T, V>(mutationFn: (vars: V) => Promise<T>) {
  const client = useQueryClient();
  return useMutation<T, ApiError, V>({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useBook = () => useCourseMutation((v: { sessionId: string; childId?: string }) => api.postBooking(v.sessionId, v.childId));
export const useBookingAction = () =>
  useCourseMutation((v: { bookingId: string; action: 'cancel' | 'confirm' }) => api.postBookingAction(v.bookingId, v.action));
export const useSendRating = () =>
  useCourseMutation((v: { bookingId: string; rating: number; comment: string }) =>
    api.postFeedback(v.bookingId, { rating: v.rating, comment: v.comment }),
  );
export const useCreateCourse = () => useCourseMutation(api.postCourse);
export const useAddSession = () =>
  useCourseMutation((v: { courseId: string; body: api.NewSession }) => api.postSession(v.courseId, v.body));
export const useMoveSession = () =>
  useCourseMutation((v: { sessionId: string; body: { startsAt: string; endsAt: string } }) => api.putSessionTime(v.sessionId, v.body));
export const useCheckIn = () => useCourseMutation((v: { bookingId: string; code: string }) => api.postCheckIn(v.bookingId, v.code));
export const useOpenLecture = () => useCourseMutation((bookingId: string) => api.postLecture(bookingId, 'open'));
export const useFinishLecture = () => useCourseMutation((bookingId: string) => api.postLecture(bookingId, 'finish'));
