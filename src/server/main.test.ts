import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnServer } from '../../test/harness/processes.ts';

const root = path.resolve(import.meta.dirname, '../..');
const env = (extra: Record<string, string>) => ({ ...process.env, LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent', ...extra });

describe('the server process', () => {
  it('stops with a clear message, not a crash loop, when PostgreSQL cannot be reached', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: env({ DATABASE_URL: 'postgres://postgres:secret@127.0.0.1:1/tuoyu', PORT: '0' }),
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('[tuoyu] Cannot reach PostgreSQL at postgres://postgres:***@127.0.0.1:1/tuoyu');
    expect(result.stderr).not.toContain('secret');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('serves, then shuts down cleanly on SIGTERM, releasing the embedded database', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-main-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      cwd: root,
      env: env({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', SEED_DEMO: 'never' }),
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 60_000);
      child.stdout.on('data', () => {
        if (output.includes('serving on')) {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    expect(fs.existsSync(path.join(dataDir, 'tuoyu.pid'))).toBe(true);
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'tuoyu.pid'))).toBe(false);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 90_000);

  it('on SIGTERM answers the request whose body is still arriving, refuses new ones, then stops', async () => {
    const server = await spawnServer({ env: {} });
    const port = Number(new URL(server.url).port);
    const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    try {
      const body = JSON.stringify({ phone: '13900000005', password: 'not-the-password' });
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d) => {
        answer += d;
      });
      const answered = new Promise<void>((resolve) => socket.on('data', () => answer.includes('\r\n\r\n') && resolve()));
      await new Promise((resolve) => socket.on('connect', resolve));
      socket.write(
        `POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
      );
      await pause(300);
      process.kill(server.pid, 'SIGTERM');
      await pause(300);
      // A request that starts now is refused in words, for the load balancer to send elsewhere.
      const late = await fetch(`${server.url}/api/v1/health`);
      expect(late.status).toBe(503);
      expect(((await late.json()) as { error: { code: string } }).error.code).toBe('SHUTTING_DOWN');
      // The client keeps its side open, as browsers do, until the answer comes.
      socket.write(body.slice(10));
      await answered;
      socket.destroy();
      // The sign-in that had started was judged (no such account), not cut off.
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
      expect(await server.exited).toBe(0);
    } finally {
      await server.stop();
    }
  }, 180_000);

  it('`npm start` builds what it needs and serves the demo a newcomer can sign in to', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-start-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, NODE_ENV: '', LOG_LEVEL: 'silent', DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' },
    });
    let output = '';
    child.stdout.on('data', (d) => {
      output += d;
    });
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start: ${output}`)), 90_000);
      child.stdout.on('data', () => {
        const m = output.match(/serving on http:\/\/127\.0\.0\.1:(\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(m[1] as string);
        }
      });
    });
    try {
      const base = `http://127.0.0.1:${port}`;
      expect(await (await fetch(`${base}/api/v1/meta`)).json()).toMatchObject({ demo: true });
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '13900000005', password: 'tuoyu-demo' }),
      });
      expect(login.status).toBe(200);
      const page = await fetch(`${base}/divisions`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toContain('<div id="root">');
    } finally {
      const exit = new Promise((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      await exit;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
