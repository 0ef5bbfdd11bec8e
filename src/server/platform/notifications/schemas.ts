import { z } from 'zod';
import { LOCALES } from '../i18n/locale.ts';
import { NOTIFICATION_GROUPS, NOTIFICATION_KIND_NAMES } from './catalog.ts';

export const NotificationKindName = z.enum(NOTIFICATION_KIND_NAMES as [string, ...string[]]);

export const NotificationListQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const NotificationItem = z.object({
  id: z.uuid(),
  kind: NotificationKindName,
  title: z.string().describe("In the caller's language"),
  body: z.string(),
  link: z.string().describe('A path in the web app'),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationList = z.object({
  items: z.array(NotificationItem),
  total: z.number().int(),
  unread: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});

export const UnreadCount = z.object({ unread: z.number().int() });

export const NotificationParams = z.object({ id: z.uuid() });

const KindChannels = z.object({ kind: NotificationKindName, sms: z.boolean(), email: z.boolean() });

export const NotificationPreferences = z.object({
  locale: z.enum(LOCALES).describe('The language of SMS and e-mail'),
  email: z.email({ message: 'email.invalid' }).max(254).nullable().describe('No address: no e-mail'),
  kinds: z.array(
    KindChannels.extend({
      group: z.enum(NOTIFICATION_GROUPS),
      title: z.string().describe("The kind's name in the caller's language"),
      smsByDefault: z.boolean(),
    }),
  ),
});

export const NotificationPreferencesBody = z.object({
  locale: z.enum(LOCALES),
  email: z
    .string()
    .trim()
    .transform((s) => (s === '' ? null : s))
    .pipe(z.email({ message: 'email.invalid' }).max(254).nullable())
    .nullable(),
  kinds: z.array(KindChannels).max(NOTIFICATION_KIND_NAMES.length),
});
export type NotificationPreferencesBody = z.infer<typeof NotificationPreferencesBody>;
