import http from 'node:http';
import net from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { buildApp } from '../../app.ts';
import { loadConfig, testConfig } from '../../config.ts';

const EVIL = 'https://evil.example';
const PUBLIC = 'https://tuoyu.example.gov.cn';
const METRICS_TOKEN = 'ops-token-for-tests-0123456789abcdef';

/** Exactly the standard error shape, nothing else (no Fastify `statusCode`, no echoed URL). */
function expectStandardError(res: { statusCode: number; body: string }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  const body = JSON.parse(res.body);
  expect(Object.keys(body)).toEqual(['error']);
  expect(body.error.code).toBe(code);
  expect(typeof body.error.message).toBe('string');
  return body.error as { code: string; message: string };
}

describe.each(DIALECTS)('HTTP edge hardening on %s', (dialect) => {
  let t: TestApp;
  let cookie: string;
  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const parent = await createUser(t.deps.db, { role: 'parent' });
    cookie = await signIn(t.app, parent.phone);
  });
  afterAll(() => t.close());

  const me = async () => (await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode;

  it('refuses a state-changing request from a page of another origin, cookie or not', async () => {
    const attempts: Record<string, string>[] = [
      { origin: EVIL },
      // Another port of the same host is the same site for SameSite=Lax, not the same origin.
      { origin: 'http://localhost:8080', host: 'localhost:3000' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of attempts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, cookie } });
      expectStandardError(res, 403, 'CROSS_ORIGIN_REFUSED');
    }
    const en = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { origin: EVIL, cookie: `${cookie}; lang=en` } });
    expect(en.json().error.message).toBe('Requests from another site are not accepted');
    expect(await me()).toBe(200);
  });

  it('accepts the server’s own origin, same-origin pages and programs that send no browser headers', async () => {
    const accepted: Record<string, string>[] = [
      { origin: 'http://localhost:3000' },
      { origin: 'http://tuoyu.lan:5173', host: 'tuoyu.lan:5173' },
      { 'sec-fetch-site': 'same-origin' },
      {},
    ];
    // A number of its own each time: repeated failures for one number are slowed down (429).
    for (const [i, headers] of accepted.entries()) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        headers,
        payload: { phone: `1390000999${i}`, password: 'x' },
      });
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
    }
  });

  it('accepts only JSON bodies on state-changing API requests: 415 otherwise, before anything happens', async () => {
    const bodies = [
      { 'content-type': 'text/plain', payload: '{"phone":"13900009999","password":"x"}' },
      { 'content-type': 'application/x-www-form-urlencoded', payload: 'phone=13900009999&password=x' },
      { 'content-type': 'multipart/form-data; boundary=x', payload: '--x--\r\n' },
    ];
    for (const { payload, ...headers } of bodies) {
      const login = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload });
      expectStandardError(login, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { ...headers, cookie }, payload });
      expectStandardError(logout, 415, 'UNSUPPORTED_MEDIA_TYPE');
    }
    expect(await me()).toBe(200);
  });

  it('answers Fastify’s own errors in the standard shape and never echoes the URL', async () => {
    const longParam = `SECRET${'9'.repeat(120)}`;
    const long = await t.app.inject({ url: `/api/v1/divisions/${longParam}`, headers: { 'accept-language': 'en' } });
    expect(expectStandardError(long, 414, 'URL_TOO_LONG').message).toBe('The address is too long');
    expect(long.body).not.toContain('SECRET');
    const zh = await t.app.inject({
      url: `/api/v1/divisions/${longParam}`,
      cookies: { lang: 'zh-CN' },
      headers: { 'accept-language': 'en' },
    });
    expect(zh.json().error.message).toBe('请求地址过长');

    const badUrl = await t.app.inject({ url: '/api/v1/divisions/SECRET%E0%A4%A' });
    expectStandardError(badUrl, 400, 'MALFORMED_URL');
    expect(badUrl.body).not.toContain('SECRET');

    const missing = await t.app.inject({ url: '/api/v1/no-such-SECRET', headers: { 'accept-language': 'en' } });
    expect(expectStandardError(missing, 404, 'ROUTE_NOT_FOUND').message).toBe('No such route');
    expect(missing.body).not.toContain('SECRET');

    const badJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone": "139',
    });
    expectStandardError(badJson, 400, 'MALFORMED_BODY');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    });
    expectStandardError(xml, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('ignores X-Forwarded-For from a peer that is not a listed proxy: rate limit and audit see the real address', async () => {
    const { trustProxy } = loadConfig({ TRUST_PROXY: '10.0.0.0/8' });
    const limited = await buildTestApp(dialect, { trustProxy, loginRateLimitPerMinute: 2 });
    try {
      const user = await createUser(limited.deps.db, { role: 'parent' });
      const attempt = (remoteAddress: string, forwarded: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': forwarded },
          payload: { phone: user.phone, password: 'wrong-password' },
        });
      const direct = [];
      for (let i = 1; i <= 3; i++) direct.push((await attempt('203.0.113.7', `198.51.100.${i}`)).statusCode);
      expect(direct).toEqual([401, 401, 429]);
      expect((await attempt('10.1.2.3', '198.51.100.50')).statusCode).toBe(401);
      const rows = await limited.deps.db
        .selectFrom('audit_log')
        .select('ip')
        .where('entity_id', '=', user.id)
        .where('action', '=', 'auth.login_failed')
        .orderBy('id')
        .execute();
      expect(rows.map((r) => r.ip)).toEqual(['203.0.113.7', '203.0.113.7', '198.51.100.50']);
    } finally {
      await limited.close();
    }
  });

  it('sets the session cookie Secure and __Host- prefixed in production, and reads it back', async () => {
    const { cookieSecure } = loadConfig({ NODE_ENV: 'production' });
    const secure = await buildTestApp(dialect, { cookieSecure });
    try {
      const user = await createUser(secure.deps.db, { role: 'parent' });
      const login = await secure.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { phone: user.phone, password: user.password },
      });
      expect(login.statusCode).toBe(200);
      expect(login.cookies).toEqual([
        expect.objectContaining({ name: '__Host-tuoyu_session', secure: true, httpOnly: true, path: '/', sameSite: 'Lax' }),
      ]);
      expect(login.cookies[0]).not.toHaveProperty('domain');
      const sent = `__Host-tuoyu_session=${login.cookies[0]?.value}`;
      expect((await secure.app.inject({ url: '/api/v1/auth/me', headers: { cookie: sent } })).statusCode).toBe(200);
      expect(
        (await secure.app.inject({ url: '/api/v1/auth/me', headers: { cookie: `tuoyu_session=${login.cookies[0]?.value}` } })).statusCode,
      ).toBe(401);
      const logout = await secure.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: sent } });
      expect(logout.statusCode).toBe(204);
      expect(logout.cookies[0]).toEqual(expect.objectContaining({ name: '__Host-tuoyu_session', secure: true, value: '' }));
    } finally {
      await secure.close();
    }
  });
});

describe('configuration of the HTTP edge', () => {
  it('refuses TRUST_PROXY=true and hop counts, and takes addresses and CIDRs', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY.*any client/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.5,::1' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.5', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: '1' })).toThrow(/TRUST_PROXY.*hop count/);
    expect(loadConfig({ TRUST_PROXY: 'loopback' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({}).trustProxy).toBe(false);
  });

  it('makes cookies Secure by default only in production, with an explicit opt-out', () => {
    expect(loadConfig({}).cookieSecure).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });

  it('takes PUBLIC_ORIGIN as a list of origins and refuses anything else', () => {
    expect(loadConfig({ PUBLIC_ORIGIN: `${PUBLIC}, http://10.0.0.5:3000/` }).publicOrigins).toEqual([PUBLIC, 'http://10.0.0.5:3000']);
    expect(() => loadConfig({ PUBLIC_ORIGIN: `${PUBLIC}/app` })).toThrow(/PUBLIC_ORIGIN/);
    expect(() => loadConfig({ PUBLIC_ORIGIN: 'tuoyu.example.gov.cn' })).toThrow(/PUBLIC_ORIGIN/);
  });

  it('will not serve in production without PUBLIC_ORIGIN', async () => {
    const t = await buildTestApp('pglite');
    try {
      await expect(buildApp({ ...t.deps, config: testConfig({ env: 'production' }) })).rejects.toThrow(/PUBLIC_ORIGIN is required/);
    } finally {
      await t.close();
    }
  });
});

describe('production on the HTTP edge', () => {
  let t: TestApp;
  beforeAll(async () => {
    const { publicOrigins, metricsToken } = loadConfig({ PUBLIC_ORIGIN: PUBLIC, METRICS_TOKEN });
    t = await buildTestApp('pglite', { env: 'production', publicOrigins, metricsToken });
  });
  afterAll(() => t.close());

  it('accepts state-changing requests only from PUBLIC_ORIGIN, not from whatever Host says', async () => {
    const login = (headers: Record<string, string>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers, payload: { phone: '13900009999', password: 'x' } });
    expect((await login({ origin: PUBLIC })).statusCode).toBe(401);
    expectStandardError(await login({ origin: 'https://news.example.gov.cn' }), 403, 'CROSS_ORIGIN_REFUSED');
    expectStandardError(await login({ origin: 'http://localhost:3000' }), 403, 'CROSS_ORIGIN_REFUSED');
    expectStandardError(await login({ origin: EVIL, host: 'evil.example' }), 403, 'CROSS_ORIGIN_REFUSED');
  });

  it('answers /metrics and /api/docs only with the operations token', async () => {
    for (const url of ['/metrics', '/api/docs/json', '/api/docs']) {
      expectStandardError(await t.app.inject({ url }), 401, 'METRICS_TOKEN_REQUIRED');
      expectStandardError(await t.app.inject({ url, headers: { authorization: 'Bearer wrong' } }), 401, 'METRICS_TOKEN_REQUIRED');
      const ok = await t.app.inject({ url, headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(ok.statusCode, url).toBeLessThan(400);
    }
    const metrics = await t.app.inject({ url: '/metrics', headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(metrics.body).toContain('tuoyu_http_request_duration_seconds');
  });

  it('does not answer them at all without a token configured', async () => {
    const closed = await buildTestApp('pglite', { env: 'production', publicOrigins: [PUBLIC] });
    try {
      for (const url of ['/metrics', '/api/docs/json', '/api/docs']) {
        expectStandardError(await closed.app.inject({ url, headers: { authorization: 'Bearer anything' } }), 404, 'ROUTE_NOT_FOUND');
      }
    } finally {
      await closed.close();
    }
  });
});

describe('errors before a request exists', () => {
  it('answers headers too large (431) and garbage (400) in the standard shape, in the sender’s language', async () => {
    const t = await buildTestApp('pglite');
    try {
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = t.app.server.address() as net.AddressInfo;
      const get = (path: string, headers: Record<string, string>) =>
        new Promise<{ statusCode: number; body: string }>((resolve, reject) => {
          const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
            let body = '';
            res.on('data', (d) => {
              body += d;
            });
            res.on('end', () => resolve({ statusCode: res.statusCode ?? 0, body }));
          });
          req.on('error', reject);
        });
      const big = await get('/api/v1/health', { 'accept-language': 'en', 'x-padding': 'a'.repeat(20_000) });
      expect(expectStandardError(big, 431, 'HEADERS_TOO_LARGE').message).toBe('The request headers are too large');
      const longUrl = await get(`/api/v1/vouchers/lookup?code=SECRET${'9'.repeat(20_000)}`, { cookie: 'lang=zh-CN' });
      expect(expectStandardError(longUrl, 431, 'HEADERS_TOO_LARGE').message).toBe('请求头过大');
      expect(longUrl.body).not.toContain('SECRET');
      const garbage = await new Promise<string>((resolve) => {
        const socket = net.connect(port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
        let answer = '';
        socket.on('data', (d) => {
          answer += d;
        });
        socket.on('close', () => resolve(answer));
      });
      const [head = '', body = ''] = garbage.split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 400 /);
      expectStandardError({ statusCode: 400, body }, 400, 'MALFORMED_REQUEST');
    } finally {
      await t.close();
    }
  });
});

describe('request logs', () => {
  it('keep voucher and certificate codes out of the logged URLs', async () => {
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const t = await buildTestApp('pglite', { logLevel: 'info' }, { logStream });
    try {
      await t.app.inject({ url: '/api/v1/vouchers/lookup?code=VOUCHER0SECRET1' });
      await t.app.inject({ url: '/api/v1/vouchers/lookup?x=1&c%6Fde=VOUCHER0SECRET2' });
      await t.app.inject({ url: '/api/v1/public/utility-certificates/CERT0SECRET3' });
      await t.app.inject({ url: '/verify/utility-certificates/CERT0SECRET4' });
      await t.app.inject({ url: '/api/v1/public/training-certificates/CERT0SECRET5' });
      const log = lines.join('');
      expect(log).toContain('/api/v1/vouchers/lookup?code=[REDACTED]');
      expect(log).toContain('/api/v1/public/utility-certificates/[REDACTED]');
      expect(log).toContain('/verify/utility-certificates/[REDACTED]');
      expect(log).toContain('/api/v1/public/training-certificates/[REDACTED]');
      expect(log).not.toMatch(/SECRET\d/);
      // One line per request, when answered, with what was asked and how it ended.
      const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.req || e.res);
      expect(entries).toHaveLength(5);
      expect(entries[0]).toMatchObject({ msg: 'request completed', req: { method: 'GET' }, res: { statusCode: expect.any(Number) } });
      expect(typeof entries[0].responseTime).toBe('number');
    } finally {
      await t.close();
    }
  });
});
