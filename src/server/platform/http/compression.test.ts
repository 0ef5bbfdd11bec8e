import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';

/** What a phone on a slow network receives: compressed JSON and the build's own compressed assets. */
describe('compression', () => {
  let t: TestApp;
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-dist-'));
  const script = `console.log(${JSON.stringify('托育'.repeat(2000))});`;
  beforeAll(async () => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    fs.writeFileSync(path.join(dist, 'assets/app.js'), script);
    // Different bytes from the plain file: the test sees which one was sent.
    fs.writeFileSync(path.join(dist, 'assets/app.js.br'), zlib.brotliCompressSync(`${script}//br`));
    fs.writeFileSync(path.join(dist, 'assets/app.js.gz'), zlib.gzipSync(`${script}//gz`));
    t = await buildTestApp('pglite', { webDistDir: dist });
  });
  afterAll(async () => {
    await t.close();
    fs.rmSync(dist, { recursive: true, force: true });
  });

  it('compresses a large JSON answer (the API description) with brotli or gzip, as the phone accepts', async () => {
    const br = await t.app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    const body = zlib.brotliDecompressSync(br.rawPayload).toString();
    expect(JSON.parse(body)).toBeTruthy();
    expect(br.rawPayload.length).toBeLessThan(body.length / 3);
    const gz = await t.app.inject({ url: '/api/docs/json', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(body);
  });

  it('leaves small answers and clients without compression alone', async () => {
    const small = await t.app.inject({ url: '/api/v1/health', headers: { 'accept-encoding': 'br, gzip' } });
    expect(small.headers['content-encoding']).toBeUndefined();
    const plain = await t.app.inject({ url: '/api/docs/json' });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('sends the pre-compressed copy of a built asset', async () => {
    const br = await t.app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.rawPayload).toString()).toBe(`${script}//br`);
    const gz = await t.app.inject({ url: '/assets/app.js', headers: { 'accept-encoding': 'gzip' } });
    expect(zlib.gunzipSync(gz.rawPayload).toString()).toBe(`${script}//gz`);
    const plain = await t.app.inject({ url: '/assets/app.js' });
    expect(plain.body).toBe(script);
  });
});
