import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { applyingFamily, createAdmissionsWorld } from '../../../../../test/harness/factories/admissions.ts';
import { messagesOf, notificationsOf } from '../../../../../test/harness/notifications.ts';
import type { RoleWorld } from '../../../../../test/harness/roles.ts';
import { remindLapsingOffers } from './remindOffers.ts';

// The test clock stands at 2026-11-29 10:00 Asia/Shanghai.
const IN_THREE_DAYS = '2026-12-02T18:00:00+08:00';

describe.each(DIALECTS)('what families hear of their applications on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let director: string;
  let classId: string;

  const act = (id: string, action: string, payload: object = {}) =>
    t.app.inject({ method: 'POST', url: `/api/v1/applications/${id}/${action}`, headers: { cookie: director }, payload });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    ({ world, director, classId } = await createAdmissionsWorld(t));
  });
  afterAll(() => t.close());

  it('an offer reaches the guardian in the app and by SMS, with its expiry and the child’s given name only', async () => {
    const family = await applyingFamily(t, world);
    expect((await act(family.applicationId, 'offer', { classId, expiresAt: IN_THREE_DAYS })).statusCode).toBe(204);
    expect(await notificationsOf(t, family.userId)).toEqual([
      {
        kind: 'enrollment.offer_made',
        params: { institution: '海州区新苗托育园', child: '小雨', expiresAt: '2026-12-02 18:00' },
        link: '/family/applications',
      },
    ]);
    const sms = await messagesOf(t, family.userId);
    expect(sms).toEqual([
      {
        channel: 'sms',
        template: 'notification.enrollment.offer_made',
        body: '【托育服务平台】海州区新苗托育园为小雨提供了托位，请在2026-12-02 18:00前确认，逾期失效。详情请登录托育服务平台查看。',
      },
    ]);
  });

  it('a refused offer (the class is wrong for the child) tells no one', async () => {
    const family = await applyingFamily(t, world);
    const wrong = await act(family.applicationId, 'offer', { classId: world.institutionId, expiresAt: IN_THREE_DAYS });
    expect(wrong.statusCode).toBe(400);
    expect(await notificationsOf(t, family.userId)).toEqual([]);
  });

  it('a declined application is told in the app without an SMS', async () => {
    const family = await applyingFamily(t, world);
    expect((await act(family.applicationId, 'decline')).statusCode).toBe(204);
    expect((await notificationsOf(t, family.userId)).map((n) => n.kind)).toEqual(['enrollment.application_declined']);
    expect(await messagesOf(t, family.userId)).toEqual([]);
  });

  it('reminds once when an offer lapses within a day, however often the job runs, and never after it lapsed', async () => {
    const family = await applyingFamily(t, world);
    expect((await act(family.applicationId, 'offer', { classId, expiresAt: IN_THREE_DAYS })).statusCode).toBe(204);
    expect(await remindLapsingOffers(t.deps)).toBe(0);
    const start = t.clock.now();
    try {
      t.clock.set(new Date('2026-12-01T20:00:00+08:00'));
      await Promise.all([remindLapsingOffers(t.deps), remindLapsingOffers(t.deps)]);
      await remindLapsingOffers(t.deps);
      expect((await notificationsOf(t, family.userId)).map((n) => n.kind)).toEqual(['enrollment.offer_made', 'enrollment.offer_expiring']);
      expect((await messagesOf(t, family.userId)).map((m) => m.template)).toEqual([
        'notification.enrollment.offer_made',
        'notification.enrollment.offer_expiring',
      ]);

      const late = await applyingFamily(t, world);
      t.clock.set(start);
      expect((await act(late.applicationId, 'offer', { classId, expiresAt: IN_THREE_DAYS })).statusCode).toBe(204);
      t.clock.set(new Date('2026-12-02T18:00:00+08:00'));
      await remindLapsingOffers(t.deps);
      expect((await notificationsOf(t, late.userId)).map((n) => n.kind)).toEqual(['enrollment.offer_made']);
    } finally {
      t.clock.set(start);
    }
  });
});
