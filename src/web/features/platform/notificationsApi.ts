/** The signed-in user's notifications and how they are told beyond the app. */
import { request } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

type NotificationPage = ResponseOf<'/api/v1/notifications', 'get'>;
export type NotificationItem = NotificationPage['items'][number];
export type NotificationPreferences = ResponseOf<'/api/v1/me/notification-preferences', 'get'>;
export type NotificationPreferencesInput = BodyOf<'/api/v1/me/notification-preferences', 'put'>;

export const getNotifications = (page: number, pageSize: number) =>
  request<NotificationPage>('GET', `/api/v1/notifications?page=${page}&pageSize=${pageSize}`);
export const getUnreadCount = () =>
  request<ResponseOf<'/api/v1/notifications/unread-count', 'get'>>('GET', '/api/v1/notifications/unread-count');
export const markNotificationRead = (id: string) => request<void>('POST', `/api/v1/notifications/${id}/read`);
export const markAllNotificationsRead = () => request<void>('POST', '/api/v1/notifications/read-all');
export const getNotificationPreferences = () => request<NotificationPreferences>('GET', '/api/v1/me/notification-preferences');
export const putNotificationPreferences = (input: NotificationPreferencesInput) =>
  request<NotificationPreferences>('PUT', '/api/v1/me/notification-preferences', input);
