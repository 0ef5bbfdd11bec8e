import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';
import { deliverDue } from './delivery.ts';
import { enqueueMessages } from './outbox.ts';
import type { Sender } from './senders.ts';

const ADMIN_ONLY = (ok: number) => ({
  anonymous: 401,
  parent: 403,
  institution_admin: 403,
  caregiver: 403,
  district_official: 403,
  city_official: 403,
  admin: ok,
});

describe.each(DIALECTS)('failed messages for the admin on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let admin: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    admin = world.actors.admin.cookie as string;
  });
  afterAll(() => t.close());

  /** Queues an SMS and an e-mail and lets a gateway that is down fail both after their one try. */
  async function failTwo() {
    const now = t.clock.now();
    const ids = await t.deps.db.transaction().execute((trx) =>
      enqueueMessages(
        trx,
        [
          { channel: 'sms', to: '13900000005', template: 'notification.enrollment.offer_made', body: '【托育服务平台】…' },
          { channel: 'email', to: 'li.na@example.cn', template: 'notification.health.check_due', subject: 's', body: 'b' },
        ],
        now,
      ),
    );
    const down: Sender = {
      send: async () => {
        throw new Error('gateway answered 503');
      },
    };
    await deliverDue(t.deps.db, { sms: down, email: down }, now, { maxAttempts: 1 });
    return ids as [string, string];
  }

  it('lists failed messages with the recipient masked, the template, tries, last error and times', async () => {
    const [smsId, emailId] = await failTwo();
    const res = await t.app.inject({ url: '/api/v1/admin/messages?status=failed', headers: { cookie: admin } });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string }[];
    expect(items.find((m) => m.id === smsId)).toMatchObject({
      channel: 'sms',
      recipient: '139****0005',
      template: 'notification.enrollment.offer_made',
      status: 'failed',
      attempts: 1,
      lastError: 'gateway answered 503',
      createdAt: t.clock.now().toISOString(),
      nextAttemptAt: null,
      sentAt: null,
    });
    expect(items.find((m) => m.id === emailId)).toMatchObject({ recipient: 'l***@example.cn', template: 'notification.health.check_due' });
    expect(res.body).not.toContain('13900000005');
    expect(res.body).not.toContain('li.na@');
  });

  it('sends a failed message again: pending with fresh tries, delivered by the next run, audited', async () => {
    const [smsId] = await failTwo();
    const retry = await t.app.inject({ method: 'POST', url: `/api/v1/admin/messages/${smsId}/retry`, headers: { cookie: admin } });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ id: smsId, status: 'pending', attempts: 0, nextAttemptAt: t.clock.now().toISOString() });
    const failed = await t.app.inject({ url: '/api/v1/admin/messages', headers: { cookie: admin } });
    expect((failed.json().items as { id: string }[]).map((m) => m.id)).not.toContain(smsId);

    const sent: string[] = [];
    const up: Sender = { send: async (m) => void sent.push(m.id) };
    await deliverDue(t.deps.db, { sms: up, email: up }, t.clock.now(), { maxAttempts: 1 });
    expect(sent).toEqual([smsId]);
    const again = await t.app.inject({ method: 'POST', url: `/api/v1/admin/messages/${smsId}/retry`, headers: { cookie: admin } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'MESSAGE_NOT_FAILED', message: '只有发送失败的消息才能重新发送' });
    const audit = await t.deps.db.selectFrom('audit_log').select(['action', 'actor_id']).where('entity_id', '=', smsId).execute();
    expect(audit).toEqual([{ action: 'message.retry', actor_id: world.actors.admin.userId }]);
  });

  it('answers 404 for an unknown message and 400 in words for a bad id or status', async () => {
    const unknown = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/messages/00000000-0000-4000-8000-000000000000/retry',
      headers: { cookie: admin },
    });
    expect(unknown.statusCode).toBe(404);
    const badId = await t.app.inject({ method: 'POST', url: '/api/v1/admin/messages/nope/retry', headers: { cookie: admin } });
    expect(badId.statusCode).toBe(400);
    const badStatus = await t.app.inject({
      url: '/api/v1/admin/messages?status=lost',
      headers: { cookie: admin, 'accept-language': 'en' },
    });
    expect(badStatus.statusCode).toBe(400);
    expect(badStatus.json().error.message).toMatch(/not valid/);
    expect(badStatus.json().error.details).toEqual([{ path: 'querystring.status', message: 'Status is "failed", "pending" or "sent"' }]);
  });

  it('is for the admin alone', async () => {
    const [smsId] = await failTwo();
    await expectRoleMatrix(t, world, { url: '/api/v1/admin/messages?status=failed' }, ADMIN_ONLY(200));
    // Everyone else is refused before the message is touched; the admin's own try then succeeds.
    await expectRoleMatrix(t, world, { method: 'POST', url: `/api/v1/admin/messages/${smsId}/retry` }, ADMIN_ONLY(200));
  });
});
