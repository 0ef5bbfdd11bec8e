import type { TestApp } from './app.ts';

/** A user's notifications, oldest first, as kind and the Chinese text the list shows. */
export async function notificationsOf(t: TestApp, userId: string) {
  const rows = await t.deps.db
    .selectFrom('notifications')
    .select(['kind', 'params', 'link'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    kind: r.kind,
    params: (typeof r.params === 'string' ? JSON.parse(r.params) : r.params) as Record<string, unknown>,
    link: r.link,
  }));
}

/** The messages queued for a user, oldest first, as channel and text. */
export async function messagesOf(t: TestApp, userId: string) {
  return t.deps.db
    .selectFrom('outbound_messages')
    .select(['channel', 'template', 'body'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
