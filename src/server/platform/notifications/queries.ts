import { sql } from 'kysely';
import type { Db } from '../../db/executor.ts';
import type { Locale } from '../i18n/locale.ts';
import { DEFAULT_PREFERENCES, type Preferences, parseChannels } from './preferences.ts';

export async function findNotificationPage(db: Db, userId: string, page: { limit: number; offset: number }) {
  const [rows, counts] = await Promise.all([
    db
      .selectFrom('notifications')
      .select(['id', 'kind', 'params', 'link', 'created_at', 'read_at'])
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(page.limit)
      .offset(page.offset)
      .execute(),
    countNotifications(db, userId),
  ]);
  return { rows, ...counts };
}

export async function countNotifications(db: Db, userId: string) {
  const row = await db
    .selectFrom('notifications')
    .select([sql<string>`count(*)`.as('total'), sql<string>`count(*) filter (where read_at is null)`.as('unread')])
    .where('user_id', '=', userId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.unread) };
}

/** Marks one of the user's own notifications read; says whether it exists for them. */
export async function markRead(db: Db, userId: string, id: string, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('notifications')
    .set({ read_at: sql`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function markAllRead(db: Db, userId: string, now: Date): Promise<void> {
  await db.updateTable('notifications').set({ read_at: now }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}

export async function findPreferences(db: Db, userId: string): Promise<Preferences> {
  const row = await db
    .selectFrom('notification_preferences')
    .select(['locale', 'email', 'channels'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return DEFAULT_PREFERENCES;
  return { locale: row.locale as Locale, email: row.email, channels: parseChannels(row.channels) };
}

export async function savePreferences(db: Db, userId: string, prefs: Preferences, now: Date): Promise<void> {
  const values = { locale: prefs.locale, email: prefs.email, channels: JSON.stringify(prefs.channels), updated_at: now };
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
