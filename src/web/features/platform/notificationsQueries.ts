import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../api/client';
import {
  getNotificationPreferences,
  getNotifications,
  getUnreadCount,
  markAllNotificationsRead,
  markNotificationRead,
  type NotificationPreferences,
  type NotificationPreferencesInput,
  putNotificationPreferences,
} from './notificationsApi';

const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  page: (page: number, pageSize: number) => ['notifications', 'page', page, pageSize] as const,
  preferences: ['notifications', 'preferences'] as const,
};

/** The bell's count: refreshed every minute while the page is open, so news shows without a reload. */
export function useUnreadCount() {
  return useQuery({ queryKey: notificationKeys.unread, queryFn: getUnreadCount, refetchInterval: 60_000 });
}

export function useNotifications(page: number, pageSize: number) {
  return useQuery({ queryKey: notificationKeys.page(page, pageSize), queryFn: () => getNotifications(page, pageSize) });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: markNotificationRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError>({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useNotificationPreferences() {
  return useQuery({ queryKey: notificationKeys.preferences, queryFn: getNotificationPreferences });
}

export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation<NotificationPreferences, ApiError, NotificationPreferencesInput>({
    mutationFn: putNotificationPreferences,
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.preferences, saved),
  });
}
