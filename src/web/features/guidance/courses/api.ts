/** The guidance center's courses: the public catalogue, a parent's bookings, the staff's courses, sessions, rosters and ratings. */
import { id, query, request } from '../../../api/client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../../api/types';

export type Course = ItemOf<ResponseOf<'/api/v1/courses', 'get'>>;
export type CourseDetail = ResponseOf<'/api/v1/courses/{id}', 'get'>;
export type CourseSession = CourseDetail['sessions'][number];
export type CourseFilter = QueryOf<'/api/v1/courses', 'get'>;
export type NewCourse = BodyOf<'/api/v1/courses', 'post'>;
export type NewSession = BodyOf<'/api/v1/courses/{id}/sessions', 'post'>;
export type MyBooking = ItemOf<ResponseOf<'/api/v1/bookings', 'get'>>;
export type BookingCreated = ResponseOf<'/api/v1/sessions/{id}/bookings', 'post'>;
export type Roster = ResponseOf<'/api/v1/sessions/{id}/bookings', 'get'>;
export type LectureView = ResponseOf<'/api/v1/bookings/{id}/open', 'post'>;
export type CourseRatings = ResponseOf<'/api/v1/courses/{id}/ratings', 'get'>;

export const getCourses = (filter: CourseFilter) =>
  request<ResponseOf<'/api/v1/courses', 'get'>>(
    'GET',
    `/api/v1/courses?${query({ ...filter, ageMonths: filter.ageMonths === undefined ? undefined : String(filter.ageMonths) })}`,
  );
export const getCourse = (courseId: string) => request<CourseDetail>('GET', `/api/v1/courses/${id(courseId)}`);
export const postCourse = (body: NewCourse) => request<CourseDetail>('POST', '/api/v1/courses', body);
export const postSession = (courseId: string, body: NewSession) =>
  request<CourseSession>('POST', `/api/v1/courses/${id(courseId)}/sessions`, body);
export const putSessionTime = (sessionId: string, body: BodyOf<'/api/v1/sessions/{id}/time', 'put'>) =>
  request<CourseSession>('PUT', `/api/v1/sessions/${id(sessionId)}/time`, body);
export const getRoster = (sessionId: string) => request<Roster>('GET', `/api/v1/sessions/${id(sessionId)}/bookings`);
export const getRatings = (courseId: string) => request<CourseRatings>('GET', `/api/v1/courses/${id(courseId)}/ratings`);
export const postBooking = (sessionId: string, childId?: string) =>
  request<BookingCreated>('POST', `/api/v1/sessions/${id(sessionId)}/bookings`, childId ? { childId } : {});
export const getMyBookings = () => request<ResponseOf<'/api/v1/bookings', 'get'>>('GET', '/api/v1/bookings');
export const postBookingAction = (bookingId: string, action: 'cancel' | 'confirm') =>
  request<null>('POST', `/api/v1/bookings/${id(bookingId)}/${action}`);
export const postLecture = (bookingId: string, action: 'open' | 'finish') =>
  request<LectureView>('POST', `/api/v1/bookings/${id(bookingId)}/${action}`);
export const postCheckIn = (bookingId: string, code: string) =>
  request<unknown>('POST', `/api/v1/bookings/${id(bookingId)}/check-in`, { code });
export const postFeedback = (bookingId: string, body: { rating: number; comment: string }) =>
  request<null>('POST', `/api/v1/bookings/${id(bookingId)}/feedback`, body);

/** What a booking's QR code holds: the booking and its code, so a scan names both. */
export const qrPayload = (booking: { id: string; checkInCode: string }) => `tuoyu-booking:${booking.id}:${booking.checkInCode}`;
export function parseQrPayload(text: string): { bookingId: string; code: string } | undefined {
  const m = /^tuoyu-booking:([0-9a-f-]{36}):(\d{6})$/i.exec(text.trim());
  return m ? { bookingId: m[1] as string, code: m[2] as string } : undefined;
}
