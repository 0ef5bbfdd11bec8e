import type { Locale } from '../i18n/locale.ts';
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, type NotificationKind } from './catalog.ts';

export type ChannelChoice = { sms: boolean; email: boolean };
export type Preferences = {
  locale: Locale;
  email: string | null;
  /** Only the kinds the user changed; the rest follow their default. */
  channels: Partial<Record<NotificationKind, ChannelChoice>>;
};

export const DEFAULT_PREFERENCES: Preferences = { locale: 'zh-CN', email: null, channels: {} };

/**
 * The channels one kind goes by beyond the app. The user's choice wins; otherwise SMS only for
 * the kinds that cannot wait, and e-mail for every kind. E-mail needs an address either way.
 */
export function channelsFor(kind: NotificationKind, prefs: Preferences): ChannelChoice {
  const chosen = prefs.channels[kind] ?? { sms: NOTIFICATION_KINDS[kind].sms, email: true };
  return { sms: chosen.sms, email: chosen.email && prefs.email !== null };
}

/** Reads the stored JSON leniently: a kind tuoyu no longer knows is dropped. */
export function parseChannels(value: unknown): Preferences['channels'] {
  const raw = (typeof value === 'string' ? JSON.parse(value) : value) as Record<string, Partial<ChannelChoice>> | null;
  const out: Preferences['channels'] = {};
  for (const kind of NOTIFICATION_KIND_NAMES) {
    const c = raw?.[kind];
    if (c && typeof c.sms === 'boolean' && typeof c.email === 'boolean') out[kind] = { sms: c.sms, email: c.email };
  }
  return out;
}
