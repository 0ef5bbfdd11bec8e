import type { Db } from '../../db/executor.ts';
import type { Locale } from '../i18n/locale.ts';
import { enqueueMessages, type OutboundMessage } from '../messaging/outbox.ts';
import type { NotificationKind } from './catalog.ts';
import { channelsFor, parseChannels } from './preferences.ts';
import { emailText, type NotificationParams, paramsIn, smsText } from './render.ts';

export type NotificationEvent = {
  kind: NotificationKind;
  params: NotificationParams;
  /** Where the notification opens in the web app, e.g. `/family/applications`. */
  link: string;
  /**
   * The subject a reminder is about (an offer, a voucher, a child's check). With it, a user gets
   * the kind once per subject: a second call for the same user, kind and key does nothing.
   */
  dedupeKey?: string;
};

/**
 * Tells users of an event, inside the caller's transaction: their in-app notification and, per
 * their preferences, an SMS and an e-mail in their language, all committed with the write that
 * caused them or not at all. Disabled accounts are skipped. Returns the users told (fewer than
 * asked when a reminder was sent before).
 */
export async function notify(db: Db, recipients: readonly string[], event: NotificationEvent, now: Date): Promise<string[]> {
  const ids = [...new Set(recipients)];
  if (ids.length === 0) return [];
  const users = await db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', 'p.user_id', 'u.id')
    .select(['u.id', 'u.phone', 'p.locale', 'p.email', 'p.channels'])
    .where('u.id', 'in', ids)
    .where('u.disabled_at', 'is', null)
    .execute();
  if (users.length === 0) return [];
  const inserted = await db
    .insertInto('notifications')
    .values(
      users.map((u) => ({
        user_id: u.id,
        kind: event.kind,
        params: JSON.stringify(event.params),
        link: event.link,
        dedupe_key: event.dedupeKey ?? null,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['user_id', 'kind', 'dedupe_key']).where('dedupe_key', 'is not', null).doNothing())
    .returning('user_id')
    .execute();
  const told = new Set(inserted.map((r) => r.user_id));

  const messages: OutboundMessage[] = [];
  for (const u of users) {
    if (!told.has(u.id)) continue;
    const locale = (u.locale ?? 'zh-CN') as Locale;
    const channels = channelsFor(event.kind, { locale, email: u.email, channels: parseChannels(u.channels) });
    const base = { template: `notification.${event.kind}`, params: paramsIn(event.params, locale), userId: u.id };
    if (channels.sms) messages.push({ ...base, channel: 'sms', to: u.phone, body: smsText(event.kind, event.params, locale) });
    if (channels.email && u.email)
      messages.push({ ...base, channel: 'email', to: u.email, ...emailText(event.kind, event.params, locale) });
  }
  await enqueueMessages(db, messages, now);
  return [...told];
}
