import type { Role } from '../../../domain/access/roles.ts';
import type { Deps } from '../../deps.ts';
import type { AuditContext } from '../audit/auditLog.ts';
import { appendAudit } from '../audit/auditLog.ts';
import { AppError, fieldError } from '../errors/AppError.ts';
import type { Locale } from '../i18n/locale.ts';
import { NOTIFICATION_KIND_NAMES, NOTIFICATION_KINDS, type NotificationKind } from './catalog.ts';
import { channelsFor, type Preferences } from './preferences.ts';
import * as q from './queries.ts';
import { type NotificationParams, renderNotification } from './render.ts';
import type { NotificationPreferencesBody } from './schemas.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

/** The user's own notifications, newest first, in the reader's language. */
export async function listNotifications(deps: Deps, userId: string, page: { page: number; pageSize: number }, locale: Locale) {
  const { rows, total, unread } = await q.findNotificationPage(deps.db, userId, {
    limit: page.pageSize,
    offset: (page.page - 1) * page.pageSize,
  });
  const items = rows
    .filter((r) => r.kind in NOTIFICATION_KINDS)
    .map((r) => {
      const params = (typeof r.params === 'string' ? JSON.parse(r.params) : r.params) as NotificationParams;
      return {
        id: r.id,
        kind: r.kind,
        ...renderNotification(r.kind as NotificationKind, params, locale),
        link: r.link,
        createdAt: iso(r.created_at) as string,
        readAt: iso(r.read_at),
      };
    });
  return { items, total, unread, ...page };
}

export async function readNotification(deps: Deps, userId: string, id: string) {
  if (!(await q.markRead(deps.db, userId, id, deps.clock.now()))) throw new AppError('NOT_FOUND');
}

/** The kinds a user with these roles can receive: a parent is not offered an officials' alert. */
export function kindsFor(roles: readonly Role[]): NotificationKind[] {
  return NOTIFICATION_KIND_NAMES.filter((kind) => NOTIFICATION_KINDS[kind].for.some((r) => roles.includes(r)));
}

function presentPreferences(prefs: Preferences, locale: Locale, roles: readonly Role[]) {
  return {
    locale: prefs.locale,
    email: prefs.email,
    kinds: kindsFor(roles).map((kind) => {
      const def = NOTIFICATION_KINDS[kind];
      // The choice as made, even without an address: e-mail starts once one is given.
      const choice = prefs.channels[kind] ?? { sms: def.sms, email: true };
      return { kind, group: def.group, title: def[locale].title, smsByDefault: def.sms, ...choice };
    }),
  };
}

export async function getPreferences(deps: Deps, userId: string, roles: readonly Role[], locale: Locale) {
  return presentPreferences(await q.findPreferences(deps.db, userId), locale, roles);
}

/** Saves the user's choices; kinds left out keep what they had, kinds the user cannot receive are refused. */
export async function putPreferences(
  deps: Deps,
  user: { id: string; roles: readonly Role[] },
  body: NotificationPreferencesBody,
  locale: Locale,
  context: AuditContext,
) {
  const userId = user.id;
  const offered = new Set<string>(kindsFor(user.roles));
  const foreign = body.kinds.findIndex((k) => !offered.has(k.kind));
  if (foreign !== -1) throw fieldError(`body.kinds.${foreign}.kind`, 'notifications.kind_not_yours');
  const now = deps.clock.now();
  const saved = await deps.db.transaction().execute(async (trx) => {
    const current = await q.findPreferences(trx, userId);
    const channels = { ...current.channels };
    for (const k of body.kinds) channels[k.kind as NotificationKind] = { sms: k.sms, email: k.email };
    const prefs: Preferences = { locale: body.locale, email: body.email, channels };
    await q.savePreferences(trx, userId, prefs, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'notification_preferences.update',
        entityType: 'user',
        entityId: userId,
        // Whether an address is held, not the address: the log outlives the preference.
        detail: {
          locale: prefs.locale,
          email: prefs.email !== null,
          smsKinds: NOTIFICATION_KIND_NAMES.filter((k) => channelsFor(k, prefs).sms),
        },
      },
      now,
    );
    return prefs;
  });
  return presentPreferences(saved, locale, user.roles);
}
