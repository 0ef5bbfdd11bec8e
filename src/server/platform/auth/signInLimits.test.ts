import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, nextPhone, signIn, TEST_PASSWORD } from '../../../../test/harness/factories/users.ts';

const ATTACKER = '203.0.113.7';
const OWNER = '198.51.100.20';

describe.each(DIALECTS)('sign-in lockout that cannot be turned against an account on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { lockoutThreshold: 3, lockoutMinutes: 15 });
  });
  afterAll(() => t.close());

  const login = (phone: string, password: string, from: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password }, remoteAddress: from });
  async function lockFrom(phone: string, from: string) {
    for (let i = 0; i < 3; i++) {
      t.clock.advanceMinutes(0.1);
      expect((await login(phone, 'wrong-password-1', from)).statusCode).toBe(401);
    }
    expect((await login(phone, TEST_PASSWORD, from)).json().error.code).toBe('ACCOUNT_LOCKED');
  }

  it('slows repeated failures before the full lock, alike for known and unknown numbers', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const ghost = nextPhone();
    for (const phone of [user.phone, ghost]) {
      await login(phone, 'wrong-password-1', ATTACKER);
      await login(phone, 'wrong-password-1', ATTACKER);
    }
    const known = await login(user.phone, TEST_PASSWORD, ATTACKER);
    const unknown = await login(ghost, TEST_PASSWORD, ATTACKER);
    expect(known.statusCode).toBe(429);
    expect(known.json().error.code).toBe('SIGN_IN_DELAYED');
    expect(known.json()).toEqual(unknown.json());
    t.clock.advanceMinutes(0.05);
    expect((await login(user.phone, TEST_PASSWORD, ATTACKER)).statusCode).toBe(200);
  });

  it('locks a number only for the address that failed; the owner’s sign-in elsewhere lifts it', async () => {
    const user = await createUser(t.deps.db, { role: 'admin' });
    await lockFrom(user.phone, ATTACKER);
    expect((await login(user.phone, TEST_PASSWORD, OWNER)).statusCode).toBe(200);
    expect((await login(user.phone, TEST_PASSWORD, ATTACKER)).statusCode).toBe(200);
  });

  it('an admin lifts a lock, audited; nobody else may', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const admin = await signIn(t.app, (await createUser(t.deps.db, { role: 'admin' })).phone);
    await lockFrom(user.phone, ATTACKER);
    const unlock = (cookie: string) => t.app.inject({ method: 'POST', url: `/api/v1/users/${user.id}/unlock`, headers: { cookie } });
    const parent = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    expect((await unlock(parent)).statusCode).toBe(403);
    expect((await unlock(admin)).statusCode).toBe(204);
    expect((await login(user.phone, TEST_PASSWORD, ATTACKER)).statusCode).toBe(200);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_role', 'entity_id'])
      .where('action', '=', 'auth.unlocked')
      .execute();
    expect(audit).toEqual([{ actor_role: 'admin', entity_id: user.id }]);
  });
  it('a code sent by SMS to the number lifts its lock, even on the address that locked it', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    await lockFrom(user.phone, OWNER);
    const asked = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/verification-codes',
      remoteAddress: OWNER,
      payload: { phone: user.phone, purpose: 'reset_password' },
    });
    expect(asked.statusCode).toBe(202);
    const outbox = await t.app.inject({ url: `/api/v1/dev/outbox?phone=${user.phone}` });
    const code = (/\d{6}/.exec(outbox.json().items[0].body) as RegExpExecArray)[0];
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: OWNER,
      payload: { phone: user.phone, code, password: 'new-harbour-58' },
    });
    expect(reset.statusCode).toBe(204);
    expect((await login(user.phone, 'new-harbour-58', OWNER)).statusCode).toBe(200);
  });
});
