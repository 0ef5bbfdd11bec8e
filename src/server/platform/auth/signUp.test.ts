import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { nextPhone, signIn } from '../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix } from '../../../../test/harness/roles.ts';

const PASSWORD = 'green-kite-42';

describe.each(DIALECTS)('sign-up and password reset on %s', (dialect) => {
  let t: TestApp;
  let addresses = 0;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  /** Each test its own client address, so per-address limits of one do not touch another. */
  const newAddress = () => `10.1.0.${++addresses}`;

  const askCode = (phone: string, purpose: string, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/verification-codes', remoteAddress: ip, payload: { phone, purpose } });

  async function codeFromOutbox(phone: string): Promise<string> {
    const res = await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` });
    const body = res.json().items[0].body as string;
    return (/\d{6}/.exec(body) as RegExpExecArray)[0];
  }

  const register = (payload: Record<string, string>, ip: string) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/register', remoteAddress: ip, payload });

  it('signs a new parent up with the SMS code and signs them in', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    expect((await askCode(phone, 'register', ip)).statusCode).toBe(202);
    const code = await codeFromOutbox(phone);
    const res = await register({ phone, code, name: '新家长', password: PASSWORD }, ip);
    expect(res.statusCode).toBe(201);
    expect(res.json().roles).toEqual([{ role: 'parent' }]);
    const cookie = res.cookies.find((c) => c.name === 'tuoyu_session');
    const me = await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `tuoyu_session=${cookie?.value}` } });
    expect(me.json().name).toBe('新家长');
    // The code is spent, and a number with an account hears exactly what a wrong code hears.
    const again = await register({ phone, code, name: '又一个', password: PASSWORD }, ip);
    const wrong = await register({ phone: nextPhone(), code: '000000', name: '陌生人', password: PASSWORD }, ip);
    expect(again.statusCode).toBe(400);
    expect(again.json().error.code).toBe('CODE_INVALID');
    expect(again.json().error.message).toBe(wrong.json().error.message);
  });

  it('answers 202 whether or not the number has an account, and never returns the code', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    const first = await askCode(phone, 'register', ip);
    await register({ phone, code: await codeFromOutbox(phone), name: '家长', password: PASSWORD }, ip);
    t.clock.advanceMinutes(2);
    const known = await askCode(phone, 'reset_password', ip);
    const unknown = await askCode(nextPhone(), 'reset_password', ip);
    expect([first.statusCode, known.statusCode, unknown.statusCode]).toEqual([202, 202, 202]);
    expect(known.body).toBe(unknown.body);
    expect(known.body).not.toMatch(/\d{6}/);
  });

  it('refuses weak passwords at the password field', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    await askCode(phone, 'register', ip);
    const code = await codeFromOutbox(phone);
    const messages: string[] = [];
    for (const password of ['short1', `x${phone}`, 'Password123']) {
      const res = await register({ phone, code, name: '家长', password }, ip);
      expect(res.statusCode).toBe(400);
      const [detail] = res.json().error.details;
      expect(detail.path).toBe('password');
      messages.push(detail.message);
    }
    // Too short, contains the number, too common: three different reasons, each said.
    expect(new Set(messages).size).toBe(3);
    // The refused passwords spent nothing: the code still works.
    expect((await register({ phone, code, name: '家长', password: PASSWORD }, ip)).statusCode).toBe(201);
  });

  it('stops guessing: after 5 wrong tries the right code no longer works and a new one is needed', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    await askCode(phone, 'register', ip);
    const code = await codeFromOutbox(phone);
    const wrong = code === '111111' ? '222222' : '111111';
    for (let i = 0; i < 5; i++) expect((await register({ phone, code: wrong, name: '猜', password: PASSWORD }, ip)).statusCode).toBe(400);
    expect((await register({ phone, code, name: '猜', password: PASSWORD }, ip)).json().error.code).toBe('CODE_INVALID');
    t.clock.advanceMinutes(1);
    await askCode(phone, 'register', ip);
    expect((await register({ phone, code: await codeFromOutbox(phone), name: '本人', password: PASSWORD }, ip)).statusCode).toBe(201);
  });

  it('expires a code after 10 minutes', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    await askCode(phone, 'register', ip);
    const code = await codeFromOutbox(phone);
    t.clock.advanceMinutes(11);
    expect((await register({ phone, code, name: '迟到', password: PASSWORD }, ip)).json().error.code).toBe('CODE_INVALID');
  });

  it('limits codes per number (1 a minute, 10 a day) and per address', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    expect((await askCode(phone, 'register', ip)).statusCode).toBe(202);
    // A second code within the minute is not sent, and the answer does not say so.
    expect((await askCode(phone, 'register', newAddress())).statusCode).toBe(202);
    for (let i = 1; i < 10; i++) {
      t.clock.advanceMinutes(1);
      expect((await askCode(phone, 'register', newAddress())).statusCode).toBe(202);
    }
    t.clock.advanceMinutes(1);
    expect((await askCode(phone, 'register', newAddress())).statusCode).toBe(202);
    const outbox = await t.app.inject({ url: `/api/v1/dev/outbox?phone=${phone}` });
    expect(outbox.json().items).toHaveLength(10);

    const flooder = newAddress();
    const phones = Array.from({ length: 21 }, () => nextPhone());
    for (const p of phones) expect((await askCode(p, 'register', flooder)).statusCode).toBe(202);
    const sent = async (p: string) => (await t.app.inject({ url: `/api/v1/dev/outbox?phone=${p}` })).json().items.length;
    expect(await sent(phones[19] as string)).toBe(1);
    expect(await sent(phones[20] as string)).toBe(0);
  });

  it('limits wrong codes per address across many numbers', async () => {
    const ip = newAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await register({ phone: nextPhone(), code: '123456', name: '猜', password: PASSWORD }, ip)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 400)).toBe(true);
    expect(statuses[30]).toBe(429);
  });

  it('makes one account when one number registers twice at once', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    await askCode(phone, 'register', ip);
    const code = await codeFromOutbox(phone);
    const results = await Promise.all([
      register({ phone, code, name: '甲', password: PASSWORD }, ip),
      register({ phone, code, name: '乙', password: PASSWORD }, ip),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 400]);
    const users = await t.deps.db.selectFrom('users').select('id').where('phone', '=', phone).execute();
    expect(users).toHaveLength(1);
  });

  it('resets a forgotten password and ends every session', async () => {
    const ip = newAddress();
    const phone = nextPhone();
    await askCode(phone, 'register', ip);
    await register({ phone, code: await codeFromOutbox(phone), name: '健忘', password: PASSWORD }, ip);
    const cookie = await signIn(t.app, phone, PASSWORD);
    t.clock.advanceMinutes(1);
    await askCode(phone, 'reset_password', ip);
    const code = await codeFromOutbox(phone);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: ip,
      payload: { phone, code, password: 'new-river-77' },
    });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    await signIn(t.app, phone, 'new-river-77');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      remoteAddress: ip,
      payload: { phone, code, password: 'other-river-77' },
    });
    expect(reused.json().error.code).toBe('CODE_INVALID');
  });

  it('lets anyone, signed in or not, ask for a code, sign up and reset a password', async () => {
    const world = await createRoleWorld(t);
    const everyone = { anonymous: 0, parent: 0, institution_admin: 0, caregiver: 0, district_official: 0, city_official: 0, admin: 0 };
    const all = (status: number) => Object.fromEntries(Object.keys(everyone).map((k) => [k, status])) as typeof everyone;
    await expectRoleMatrix(
      t,
      world,
      () => ({
        method: 'POST',
        url: '/api/v1/auth/verification-codes',
        remoteAddress: newAddress(),
        payload: { phone: nextPhone(), purpose: 'register' },
      }),
      all(202),
    );
    // Without a code sent, every caller gets the same refusal, not a 401 or 403.
    for (const url of ['/api/v1/auth/register', '/api/v1/auth/password-reset']) {
      await expectRoleMatrix(
        t,
        world,
        () => ({
          method: 'POST',
          url,
          remoteAddress: newAddress(),
          payload: { phone: nextPhone(), code: '123456', name: '某人', password: PASSWORD },
        }),
        all(400),
      );
    }
  });
});
