import { describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { type NotificationEvent, notify } from './notify.ts';

const offer: NotificationEvent = {
  kind: 'enrollment.offer_made',
  params: { institution: '海州区新苗托育园', child: '小雨', expiresAt: '2026-12-02 18:00' },
  link: '/family/applications',
};
const declined: NotificationEvent = {
  kind: 'enrollment.application_declined',
  params: { institution: '海州区新苗托育园', child: '小雨' },
  link: '/family/applications',
};

async function outbox(t: TestApp, to: string) {
  return (await t.app.inject({ url: `/api/v1/dev/outbox?${to.includes('@') ? 'email' : 'phone'}=${to}` })).json().items as {
    channel: string;
    body: string;
    subject: string | null;
  }[];
}

async function inApp(t: TestApp, cookie: string, headers: Record<string, string> = {}) {
  return (await t.app.inject({ url: '/api/v1/notifications', headers: { cookie, ...headers } })).json();
}

describe.each(DIALECTS)('notify on %s', (dialect) => {
  it('writes nothing when the causing transaction rolls back, and the row and its SMS when it commits', async () => {
    const t = await buildTestApp(dialect);
    try {
      const parent = await createUser(t.deps.db, { role: 'parent' });
      const cookie = await signIn(t.app, parent.phone);
      await t.deps.db
        .transaction()
        .execute(async (trx) => {
          await notify(trx, [parent.id], offer, t.clock.now());
          throw new Error('the offer failed');
        })
        .catch(() => undefined);
      expect((await inApp(t, cookie)).items).toEqual([]);
      expect(await outbox(t, parent.phone)).toEqual([]);

      await t.deps.db.transaction().execute((trx) => notify(trx, [parent.id, parent.id], offer, t.clock.now()));
      const list = await inApp(t, cookie);
      expect(list.unread).toBe(1);
      expect(list.items).toMatchObject([
        { kind: 'enrollment.offer_made', title: '收到入托录取通知', link: '/family/applications', readAt: null },
      ]);
      expect(list.items[0].body).toContain('2026-12-02 18:00');
      const sms = await outbox(t, parent.phone);
      expect(sms).toHaveLength(1);
      expect(sms[0]?.body).toMatch(/^【托育服务平台】海州区新苗托育园为小雨提供了托位/);
    } finally {
      await t.close();
    }
  });

  it('sends SMS only for what cannot wait, and follows the preferences: SMS off, e-mail on, English', async () => {
    const t = await buildTestApp(dialect);
    try {
      const parent = await createUser(t.deps.db, { role: 'parent' });
      const cookie = await signIn(t.app, parent.phone);
      await t.deps.db.transaction().execute((trx) => notify(trx, [parent.id], declined, t.clock.now()));
      expect(await outbox(t, parent.phone)).toEqual([]);
      expect((await inApp(t, cookie)).items).toHaveLength(1);

      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        headers: { cookie },
        payload: { locale: 'en', email: 'li.na@example.cn', kinds: [{ kind: 'enrollment.offer_made', sms: false, email: true }] },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json().kinds.find((k: { kind: string }) => k.kind === 'enrollment.offer_made')).toMatchObject({ sms: false, email: true });
      t.clock.advanceMinutes(1);

      await t.deps.db.transaction().execute((trx) => notify(trx, [parent.id], offer, t.clock.now()));
      expect(await outbox(t, parent.phone)).toEqual([]);
      const mail = await outbox(t, 'li.na@example.cn');
      expect(mail.map((m) => [m.channel, m.subject])).toEqual([['email', 'A place is offered']]);
      expect(mail[0]?.body).toContain('offers 小雨 a place');
      // The list speaks the reader's language, whatever the message was sent in.
      expect((await inApp(t, cookie, { 'accept-language': 'en' })).items[0].title).toBe('A place is offered');
      expect((await inApp(t, cookie)).items[0].title).toBe('收到入托录取通知');

      const bad = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        headers: { cookie },
        payload: { locale: 'en', email: 'not an address', kinds: [] },
      });
      expect(bad.statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('tells a user a reminder once per subject, however often it is sent', async () => {
    const t = await buildTestApp(dialect);
    try {
      const parent = await createUser(t.deps.db, { role: 'parent' });
      const reminder: NotificationEvent = { ...offer, kind: 'enrollment.offer_expiring', dedupeKey: 'choice-1' };
      const told = await Promise.all(
        [1, 2, 3].map(() => t.deps.db.transaction().execute((trx) => notify(trx, [parent.id], reminder, t.clock.now()))),
      );
      expect(told.flat()).toEqual([parent.id]);
      expect(await outbox(t, parent.phone)).toHaveLength(1);
      await t.deps.db.transaction().execute((trx) => notify(trx, [parent.id], { ...reminder, dedupeKey: 'choice-2' }, t.clock.now()));
      expect(await outbox(t, parent.phone)).toHaveLength(2);
    } finally {
      await t.close();
    }
  });
});
