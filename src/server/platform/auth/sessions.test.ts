import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn, TEST_PASSWORD } from '../../../../test/harness/factories/users.ts';

describe.each(DIALECTS)('session lifetime and request ids on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { sessionTtlHours: 12, sessionMaxDays: 7 });
  });
  afterAll(() => t.close());

  it('ends a session 7 days after sign-in even if it was used all along', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const cookie = await signIn(t.app, user.phone);
    const me = () => t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    // Used every 6 hours, well within the 12-hour idle limit, for 7 days.
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      t.clock.advanceMinutes(6 * 60);
      expect((await me()).statusCode).toBe(200);
    }
    t.clock.advanceMinutes(6 * 60);
    const ended = await me();
    expect(ended.statusCode).toBe(401);
    expect(ended.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('records the server’s own request id in the audit log, and a client’s id only beside it', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const chosen = 'client-chosen-id-0001';
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { phone: user.phone, password: TEST_PASSWORD },
      headers: { 'x-request-id': chosen },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-request-id']).not.toBe(chosen);
    const row = await t.deps.db
      .selectFrom('audit_log')
      .select(['request_id', 'client_request_id'])
      .where('action', '=', 'auth.login')
      .where('entity_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ request_id: res.headers['x-request-id'], client_request_id: chosen });
  });
});
