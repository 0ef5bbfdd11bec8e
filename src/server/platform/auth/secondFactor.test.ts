import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn, TEST_PASSWORD } from '../../../../test/harness/factories/users.ts';
import { currentTotp } from './totp.ts';

describe.each(DIALECTS)('changing and using a second factor on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  const post = (url: string, cookie: string, payload?: Record<string, unknown>) =>
    t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const login = (phone: string, totp?: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: TEST_PASSWORD, ...(totp ? { totp } : {}) } });
  // Each code is good once: tests move to the next 30-second step before using another.
  const nextStep = () => t.clock.advanceMinutes(0.5);

  async function enrolled() {
    const user = await createUser(t.deps.db, { role: 'city_official', divisionCode: '329900' });
    const cookie = await signIn(t.app, user.phone);
    const { secret } = (await post('/api/v1/auth/totp/setup', cookie)).json();
    expect((await post('/api/v1/auth/totp/enable', cookie, { code: currentTotp(secret, t.clock.now()) })).statusCode).toBe(204);
    nextStep();
    return { user, cookie, secret: secret as string };
  }

  it('will not replace or drop a second factor without its current code', async () => {
    const { user, cookie, secret } = await enrolled();
    const bare = await post('/api/v1/auth/totp/setup', cookie);
    expect(bare.statusCode).toBe(403);
    expect(bare.json().error.code).toBe('TOTP_CODE_REQUIRED');
    const wrong = await post('/api/v1/auth/totp/setup', cookie, { code: '000000' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('TOTP_INVALID');
    // Still on, with the same secret: the password alone does not sign in, the old code does.
    expect((await login(user.phone)).json().error.code).toBe('TOTP_REQUIRED');
    expect((await login(user.phone, currentTotp(secret, t.clock.now()))).statusCode).toBe(200);
  });

  it('with the current code, a new secret takes over only once a code from it confirms it', async () => {
    const { user, cookie, secret } = await enrolled();
    const setup = await post('/api/v1/auth/totp/setup', cookie, { code: currentTotp(secret, t.clock.now()) });
    expect(setup.statusCode).toBe(200);
    const fresh = setup.json().secret as string;
    nextStep();
    expect((await login(user.phone)).json().error.code).toBe('TOTP_REQUIRED');
    expect((await login(user.phone, currentTotp(secret, t.clock.now()))).statusCode).toBe(200);
    nextStep();
    expect((await post('/api/v1/auth/totp/enable', cookie, { code: currentTotp(fresh, t.clock.now()) })).statusCode).toBe(204);
    nextStep();
    expect((await login(user.phone, currentTotp(secret, t.clock.now()))).json().error.code).toBe('TOTP_INVALID');
    nextStep();
    expect((await login(user.phone, currentTotp(fresh, t.clock.now()))).statusCode).toBe(200);
  });

  it('refuses a code already used, even within its window', async () => {
    const { user, secret } = await enrolled();
    const code = currentTotp(secret, t.clock.now());
    expect((await login(user.phone, code)).statusCode).toBe(200);
    const replay = await login(user.phone, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('TOTP_INVALID');
  });

  it('an admin resets another user’s second factor, audited; nobody else may', async () => {
    const { user, cookie } = await enrolled();
    const admin = await signIn(t.app, (await createUser(t.deps.db, { role: 'admin' })).phone);
    const url = `/api/v1/users/${user.id}/totp/reset`;
    expect((await post(url, cookie)).statusCode).toBe(403);
    expect((await post('/api/v1/users/00000000-0000-4000-8000-000000000000/totp/reset', admin)).statusCode).toBe(404);
    expect((await post(url, admin)).statusCode).toBe(204);
    const signedIn = await login(user.phone);
    expect(signedIn.statusCode).toBe(200);
    expect(signedIn.json().totpEnabled).toBe(false);
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_role', 'entity_id'])
      .where('action', '=', 'auth.totp_reset')
      .execute();
    expect(audit).toEqual([{ actor_role: 'admin', entity_id: user.id }]);
  });
});
