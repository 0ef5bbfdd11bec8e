import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';

describe.each(DIALECTS)('HTTP edge on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp(dialect, { bodyLimitBytes: 64 * 1024 });
  });
  afterAll(() => t.close());

  it('reports health with the database status', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: 'ok', dialect });
  });

  it('answers an unknown API route with a JSON 404 in Chinese by default and English on request', async () => {
    const zh = await t.app.inject({ url: '/api/v1/no-such-thing' });
    expect(zh.statusCode).toBe(404);
    expect(zh.json().error.code).toBe('ROUTE_NOT_FOUND');
    expect(zh.json().error.message).toContain('接口不存在');
    const en = await t.app.inject({ url: '/api/v1/no-such-thing', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('No such route');
    const cookie = await t.app.inject({ url: '/api/v1/no-such-thing', cookies: { lang: 'en' }, headers: { 'accept-language': 'zh-CN' } });
    expect(cookie.json().error.message).toContain('No such route');
  });

  it('rejects malformed JSON with 400 and no stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"phone": "139',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('MALFORMED_BODY');
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it('rejects an oversized body with 413', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ phone: '13900000000', password: 'x'.repeat(100 * 1024) }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lists each invalid field with a message in the caller’s language', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone: '12345', password: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('VALIDATION_FAILED');
    expect(body.error.details).toEqual(
      expect.arrayContaining([{ path: 'body.phone', message: '请输入11位手机号码' }, expect.objectContaining({ path: 'body.password' })]),
    );
  });

  it('says a field is missing or of the wrong kind in words a person reads, not in zod’s', async () => {
    const ask = (lang: string, payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { 'accept-language': lang }, payload });
    expect((await ask('zh-CN', { phone: '13912345678', password: '' })).json().error.details).toEqual([
      { path: 'body.password', message: '请填写此项' },
    ]);
    expect((await ask('en', { phone: 13912345678 })).json().error.details).toEqual([
      { path: 'body.phone', message: 'Enter text' },
      { path: 'body.password', message: 'Enter text' },
    ]);
  });

  it('words zod’s choice, bound and id checks as a person reads them, in both languages', async () => {
    const details = async (url: string, lang = 'zh-CN') =>
      (await t.app.inject({ url, headers: { 'accept-language': lang } })).json().error.details;
    expect(await details('/api/v1/courses?audience=alien')).toEqual([
      { path: 'querystring.audience', message: '请从以下选项中选择：child、parent' },
    ]);
    expect(await details('/api/v1/courses?audience=alien', 'en')).toEqual([
      { path: 'querystring.audience', message: 'Choose one of: child, parent' },
    ]);
    expect(await details('/api/v1/public/institutions/not-a-uuid/inspections')).toEqual([{ path: 'params.id', message: '编号格式不正确' }]);
    expect(await details('/api/v1/institutions/search?pageSize=500')).toEqual([{ path: 'querystring.pageSize', message: '不能大于 100' }]);
    expect(await details('/api/v1/institutions/search?pageSize=0', 'en')).toEqual([
      { path: 'querystring.pageSize', message: 'At least 1' },
    ]);
  });

  it('sends a strict Content-Security-Policy and other security headers', async () => {
    const res = await t.app.inject({ url: '/api/v1/health' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('serves Prometheus metrics including request durations', async () => {
    await t.app.inject({ url: '/api/v1/health' });
    const res = await t.app.inject({ url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('tuoyu_http_request_duration_seconds_bucket');
    expect(res.body).toContain('process_cpu_user_seconds_total');
  });

  it('publishes an OpenAPI document that lists the API routes', async () => {
    const res = await t.app.inject({ url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/login', '/api/v1/divisions', '/api/v1/divisions/{code}', '/api/v1/audit']),
    );
    expect(doc.paths['/api/v1/auth/login'].post.requestBody.content['application/json'].schema.required).toEqual(['phone', 'password']);
  });
});

describe('rate limits', () => {
  it('answers 429 RATE_LIMITED with words once a client exceeds its budget', async () => {
    const t = await buildTestApp('pglite', { rateLimitPerMinute: 3 });
    try {
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) codes.push((await t.app.inject({ url: '/api/v1/divisions' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429, 429]);
      const res = await t.app.inject({ url: '/api/v1/divisions', headers: { 'accept-language': 'en' } });
      expect(res.json().error).toEqual({ code: 'RATE_LIMITED', message: 'Too many requests; please slow down' });
    } finally {
      await t.close();
    }
  });

  it('does not count the web app’s built assets, which a first visit fetches by the dozen', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-dist-'));
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'assets/app.js'), 'console.log(1);');
    const t = await buildTestApp('pglite', { rateLimitPerMinute: 3, webDistDir: dist });
    try {
      const assets: number[] = [];
      for (let i = 0; i < 10; i++) assets.push((await t.app.inject({ url: '/assets/app.js' })).statusCode);
      expect(assets).toEqual(Array(10).fill(200));
      const codes: number[] = [];
      for (let i = 0; i < 4; i++) codes.push((await t.app.inject({ url: '/api/v1/divisions' })).statusCode);
      expect(codes).toEqual([200, 200, 200, 429]);
    } finally {
      await t.close();
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
