import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';
import { notify } from './notify.ts';

const ALL_SIGNED_IN = (ok: number) => ({
  anonymous: 401,
  parent: ok,
  institution_admin: ok,
  caregiver: ok,
  district_official: ok,
  city_official: ok,
  admin: ok,
});

async function tell(t: TestApp, userId: string, institution: string) {
  await t.deps.db
    .transaction()
    .execute((trx) =>
      notify(
        trx,
        [userId],
        { kind: 'institutions.filing_filed', params: { institution, receiptNumber: 'R-1' }, link: '/institution/my-institution' },
        t.clock.now(),
      ),
    );
}

describe.each(DIALECTS)('notification routes on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
  });
  afterAll(() => t.close());

  it('every signed-in role reads and marks its own notifications and preferences', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/notifications' }, ALL_SIGNED_IN(200));
    await expectRoleMatrix(t, world, { url: '/api/v1/notifications/unread-count' }, ALL_SIGNED_IN(200));
    await expectRoleMatrix(t, world, { method: 'POST', url: '/api/v1/notifications/read-all' }, ALL_SIGNED_IN(204));
    await expectRoleMatrix(t, world, { url: '/api/v1/me/notification-preferences' }, ALL_SIGNED_IN(200));
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: '/api/v1/me/notification-preferences', payload: { locale: 'zh-CN', email: null, kinds: [] } },
      ALL_SIGNED_IN(200),
    );
    // Each actor's own notification is theirs to mark; nobody else's.
    const own = new Map<string, string>();
    for (const actor of Object.values(world.actors)) {
      if (!actor.userId) continue;
      await tell(t, actor.userId, `机构${actor.name}`);
      const list = await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: actor.cookie as string } });
      own.set(actor.name, list.json().items[0].id);
    }
    await expectRoleMatrix(
      t,
      world,
      (actor) => ({ method: 'POST', url: `/api/v1/notifications/${own.get(actor.name) ?? own.get('parent')}/read` }),
      ALL_SIGNED_IN(204),
    );
  });

  it('lists only my own, newest first, page by page, and answers 404 for anyone else’s', async () => {
    const me = await createUser(t.deps.db, { role: 'parent' });
    const other = await createUser(t.deps.db, { role: 'parent' });
    const cookie = await signIn(t.app, me.phone);
    for (const name of ['甲', '乙', '丙']) {
      await tell(t, me.id, name);
      t.clock.advanceMinutes(1);
    }
    await tell(t, other.id, '丁');

    const first = (await t.app.inject({ url: '/api/v1/notifications?pageSize=2', headers: { cookie } })).json();
    expect(first).toMatchObject({ total: 3, unread: 3, page: 1, pageSize: 2 });
    expect(first.items.map((n: { body: string }) => n.body.slice(0, 1))).toEqual(['丙', '乙']);
    const second = (await t.app.inject({ url: '/api/v1/notifications?pageSize=2&page=2', headers: { cookie } })).json();
    expect(second.items.map((n: { body: string }) => n.body.slice(0, 1))).toEqual(['甲']);

    const otherCookie = await signIn(t.app, other.phone);
    const theirs = (await t.app.inject({ url: '/api/v1/notifications', headers: { cookie: otherCookie } })).json().items[0].id;
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${theirs}/read`, headers: { cookie } });
    expect(refused.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/notifications/unread-count', headers: { cookie: otherCookie } })).json()).toEqual({
      unread: 1,
    });

    const read = await t.app.inject({ method: 'POST', url: `/api/v1/notifications/${first.items[0].id}/read`, headers: { cookie } });
    expect(read.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/notifications/unread-count', headers: { cookie } })).json()).toEqual({ unread: 2 });
    await t.app.inject({ method: 'POST', url: '/api/v1/notifications/read-all', headers: { cookie } });
    expect((await t.app.inject({ url: '/api/v1/notifications/unread-count', headers: { cookie } })).json()).toEqual({ unread: 0 });
    expect((await t.app.inject({ url: '/api/v1/notifications/unread-count', headers: { cookie: otherCookie } })).json()).toEqual({
      unread: 1,
    });
  });

  it('offers each role the preferences of the kinds that concern it, and refuses the others in words', async () => {
    const kindsOf = async (cookie: string) =>
      ((await t.app.inject({ url: '/api/v1/me/notification-preferences', headers: { cookie } })).json().kinds as { kind: string }[]).map(
        (k) => k.kind,
      );
    const parent = await kindsOf(world.actors.parent.cookie as string);
    expect(parent).toContain('enrollment.offer_made');
    expect(parent).toContain('enrollment.waitlist_first');
    expect(parent).toContain('institutions.invitation_received');
    expect(parent).toContain('courses.session_moved');
    expect(parent).not.toContain('health.illness_alert');
    expect(parent).not.toContain('institutions.filing_returned');
    expect(await kindsOf(world.actors.district_official.cookie as string)).toEqual([
      'subsidies.certificate_requested',
      'health.illness_alert',
      'institutions.invitation_received',
      'supervision.complaint_received',
      'supervision.evidence_submitted',
      'supervision.rectification_overdue',
    ]);
    expect(await kindsOf(world.actors.institution_admin.cookie as string)).toEqual([
      'institutions.filing_returned',
      'institutions.filing_filed',
      'subsidies.application_approved',
      'subsidies.application_returned',
      'subsidies.certificate_issued',
      'subsidies.certificate_returned',
      'institutions.invitation_received',
      'guidance.training_certificate_issued',
      'guidance.training_closed',
      'guidance.training_session_moved',
      'supervision.inspection_recorded',
      'supervision.rectification_accepted',
      'supervision.rectification_rejected',
    ]);

    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/me/notification-preferences',
      headers: { cookie: world.actors.parent.cookie as string },
      payload: {
        locale: 'zh-CN',
        email: null,
        kinds: [
          { kind: 'enrollment.offer_made', sms: true, email: true },
          { kind: 'health.illness_alert', sms: false, email: false },
        ],
      },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details).toEqual([
      expect.objectContaining({ path: 'body.kinds.1.kind', message: '该类通知与您的角色无关，无法设置' }),
    ]);
  });
});
