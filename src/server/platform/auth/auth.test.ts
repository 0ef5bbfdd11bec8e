import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createDistrict } from '../../../../test/harness/factories/geography.ts';
import { createUser, nextPhone, signIn, TEST_PASSWORD } from '../../../../test/harness/factories/users.ts';
import { currentTotp } from './totp.ts';

const login = (t: TestApp, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload, headers });

describe.each(DIALECTS)('sign-in on %s', (dialect) => {
  let t: TestApp;
  let districtCode: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { lockoutThreshold: 3, lockoutMinutes: 15 });
    ({ districtCode } = await createDistrict(t.deps.db));
  });
  afterAll(() => t.close());

  it('signs in with phone and password, sets an httpOnly SameSite=Lax cookie, and /me returns roles', async () => {
    const user = await createUser(t.deps.db, { role: 'district_official', divisionCode: districtCode }, { name: '张区' });
    const res = await login(t, { phone: user.phone, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tuoyu_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    const me = await t.app.inject({ url: '/api/v1/auth/me', cookies: { tuoyu_session: cookie!.value } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toEqual({
      id: user.id,
      phone: user.phone,
      name: '张区',
      roles: [{ role: 'district_official', divisionCode: districtCode, divisionName: '测试区' }],
      totpEnabled: false,
    });
  });

  it('stores only a hash of the session token', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const cookie = await signIn(t.app, user.phone);
    const token = cookie.split('=')[1] as string;
    const rows = await t.deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.id).not.toBe(token);
    expect(rows[0]?.id).toMatch(/^[0-9a-f]{64}$/);
  });

  it('answers a wrong password and an unknown number identically', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const wrong = await login(t, { phone: user.phone, password: 'not-the-password1' });
    const unknown = await login(t, { phone: nextPhone(), password: 'not-the-password1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().error.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks a number after repeated failures, whether or not it has an account, even for the right password', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const ghost = nextPhone();
    for (const phone of [user.phone, ghost]) {
      for (let i = 0; i < 3; i++) {
        // Past the growing wait between tries, so each attempt is counted.
        t.clock.advanceMinutes(0.1);
        expect((await login(t, { phone, password: 'wrong-password-1' })).statusCode).toBe(401);
      }
    }
    const locked = await login(t, { phone: user.phone, password: TEST_PASSWORD });
    const lockedGhost = await login(t, { phone: ghost, password: TEST_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json()).toEqual(lockedGhost.json());
    expect(locked.json().error.code).toBe('ACCOUNT_LOCKED');
    t.clock.advanceMinutes(16);
    expect((await login(t, { phone: user.phone, password: TEST_PASSWORD })).statusCode).toBe(200);
    t.clock.advanceMinutes(-16);
  });

  it('signs out one session, or every session', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const a = await signIn(t.app, user.phone);
    const b = await signIn(t.app, user.phone);
    const c = await signIn(t.app, user.phone);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: a } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: a } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: b } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout-all', headers: { cookie: b } })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: c } })).statusCode).toBe(401);
  });

  it('expires sessions after their lifetime', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const cookie = await signIn(t.app, user.phone);
    t.clock.advanceMinutes(t.deps.config.sessionTtlHours * 60 + 1);
    const res = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } });
    t.clock.advanceMinutes(-(t.deps.config.sessionTtlHours * 60 + 1));
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('UNAUTHENTICATED');
  });

  it('answers who the session is, or null without an error, for anonymous, live, ended and expired sessions', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' }, { name: '会话家长' });
    const session = (cookie?: string) => t.app.inject({ url: '/api/v1/auth/session', headers: cookie ? { cookie } : {} });

    const anonymous = await session();
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ user: null });

    const cookie = await signIn(t.app, user.phone);
    const live = await session(cookie);
    expect(live.statusCode).toBe(200);
    expect(live.json().user).toMatchObject({ id: user.id, name: '会话家长', roles: [{ role: 'parent' }] });

    expect((await session('tuoyu_session=not-a-token')).json()).toEqual({ user: null });
    t.clock.advanceMinutes(t.deps.config.sessionTtlHours * 60 + 1);
    const expired = await session(cookie);
    t.clock.advanceMinutes(-(t.deps.config.sessionTtlHours * 60 + 1));
    expect(expired.statusCode).toBe(200);
    expect(expired.json()).toEqual({ user: null });

    const other = await signIn(t.app, user.phone);
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: other } });
    expect((await session(other)).json()).toEqual({ user: null });
  });

  it('enrols a TOTP second factor and then requires it to sign in', async () => {
    const user = await createUser(t.deps.db, { role: 'city_official', divisionCode: '329900' });
    const cookie = await signIn(t.app, user.phone);
    const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: { cookie } });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json();
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: { cookie }, payload: { code: '000000' } });
    expect(bad.statusCode).toBe(401);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp/enable',
      headers: { cookie },
      payload: { code: currentTotp(secret, t.clock.now()) },
    });
    expect(ok.statusCode).toBe(204);

    const noCode = await login(t, { phone: user.phone, password: TEST_PASSWORD });
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('TOTP_REQUIRED');
    const wrongCode = await login(t, { phone: user.phone, password: TEST_PASSWORD, totp: '123456' });
    expect(wrongCode.json().error.code).toBe('TOTP_INVALID');
    // The confirming code's time step is used up; the next one signs in.
    t.clock.advanceMinutes(0.5);
    const withCode = await login(t, { phone: user.phone, password: TEST_PASSWORD, totp: currentTotp(secret, t.clock.now()) });
    expect(withCode.statusCode).toBe(200);
    expect(withCode.json().totpEnabled).toBe(true);
  });

  it('records sign-ins and failures in the audit log without the password', async () => {
    const user = await createUser(t.deps.db, { role: 'parent' });
    await login(t, { phone: user.phone, password: 'wrong-password-9' });
    await signIn(t.app, user.phone);
    const rows = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', user.id)
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.login_failed', 'auth.login']);
    expect(JSON.stringify(rows)).not.toContain('wrong-password-9');
    expect(JSON.stringify(rows)).not.toContain(user.phone);
  });
});

describe('second factor required in production mode', () => {
  it('lets an official without TOTP reach only enrollment, and parents are unaffected', async () => {
    const t = await buildTestApp('pglite', { requireTotp: true });
    try {
      const official = await createUser(t.deps.db, { role: 'admin' });
      const parent = await createUser(t.deps.db, { role: 'parent' });
      const oc = await signIn(t.app, official.phone);
      const pc = await signIn(t.app, parent.phone);
      const audit = await t.app.inject({ url: '/api/v1/audit', headers: { cookie: oc } });
      expect(audit.statusCode).toBe(403);
      expect(audit.json().error.code).toBe('TOTP_ENROLMENT_REQUIRED');
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: oc } })).statusCode).toBe(200);
      const setup = await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/setup', headers: { cookie: oc } });
      const code = currentTotp(setup.json().secret, t.clock.now());
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/totp/enable', headers: { cookie: oc }, payload: { code } });
      expect((await t.app.inject({ url: '/api/v1/audit', headers: { cookie: oc } })).statusCode).toBe(200);
      expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: pc } })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });
});

// Two app instances with their own connection pools on one PostgreSQL schema: what two server
// processes behind a load balancer see.
if (DIALECTS.includes('postgres')) {
  describe('two servers on one PostgreSQL database', () => {
    it('share sessions: sign in on one, use and end the session on the other', async () => {
      const a = await buildTestApp('postgres');
      const { openPostgres } = await import('../../db/connect.ts');
      const { buildApp } = await import('../../app.ts');
      const second = await openPostgres(a.database.postgres!);
      const b = await buildApp({ ...a.deps, database: second, db: second.db });
      try {
        const user = await createUser(a.deps.db, { role: 'parent' });
        const cookie = await signIn(a.app, user.phone);
        expect((await b.inject({ url: '/api/v1/auth/me', headers: { cookie } })).json().id).toBe(user.id);
        expect((await b.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } })).statusCode).toBe(204);
        expect((await a.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
      } finally {
        await b.close();
        await second.close();
        await a.close();
      }
    });
  });
}
