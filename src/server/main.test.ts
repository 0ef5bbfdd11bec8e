import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

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
});
