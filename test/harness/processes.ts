import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

export type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } };

export type ServerProcess = {
  url: string;
  pid: number;
  /** A real HTTP request, on a connection of its own: every request reaches the server at once. */
  request(method: string, path: string, options?: { cookie?: string; body?: unknown }): Promise<Answer>;
  /** The last of what it printed, for a failure's message. */
  output(): string;
  /** SIGTERM, then SIGKILL if it lingers; resolves with the exit code. Safe to call twice. */
  stop(): Promise<number | null>;
  /** Resolves with the exit code whenever the process ends, however it was told to. */
  exited: Promise<number | null>;
};

/**
 * DATABASE_URL for a server that must work in one schema: the server opens its pool from the URL
 * alone, and pg passes `options` to PostgreSQL as startup parameters for every connection.
 */
export function urlWithSchema(url: string, schema: string): string {
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema},public`);
  return u.toString();
}

export type SpawnOptions = {
  /** Added last, so it overrides the quiet test defaults. */
  env: Record<string, string>;
  /** Booting compiles the whole server through tsx: a minute or more on a busy machine. */
  timeoutMs?: number;
  /** An embedded database the caller owns and keeps after the stop (a restart opens it again). */
  dataDir?: string;
};

/**
 * Starts `src/server/main.ts` as a process of its own on a free port, quiet and without the demo,
 * and resolves once it prints where it serves.
 */
export async function spawnServer({ env, timeoutMs = 150_000, dataDir: given }: SpawnOptions): Promise<ServerProcess> {
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-process-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      SEED_DEMO: 'never',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      WEB_DIST_DIR: path.join(dataDir, 'no-web'),
      // Hundreds of requests queue behind ten connections on a machine shared with other test
      // files: they must wait their turn rather than get the production wait limit's 503.
      DATABASE_POOL_WAIT_MS: '120000',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  // Read both pipes for the whole life of the process: a full pipe would block its writes.
  const keep = (d: Buffer) => {
    output = (output + d).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const agent = new http.Agent({ keepAlive: true });
  let stopping: Promise<number | null> | undefined;
  const stop = () => {
    stopping ??= (async () => {
      agent.destroy();
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(killer);
      }
      if (!given) fs.rmSync(dataDir, { recursive: true, force: true });
      return exited;
    })();
    return stopping;
  };

  const url = await new Promise<string>((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      reject(new Error(`server process ${child.pid} ${why}:\n${output}`));
    };
    const timer = setTimeout(() => fail(`did not start within ${timeoutMs} ms`), timeoutMs);
    child.stdout.on('data', () => {
      const m = output.match(/serving on (http:\/\/127\.0\.0\.1:\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(m[1] as string);
      }
    });
    exited.then((code) => fail(`exited with ${code} before serving`));
  }).catch(async (err) => {
    await stop();
    throw err;
  });

  const request: ServerProcess['request'] = (method, requestPath, { cookie, body } = {}) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const headers = {
      ...(cookie ? { cookie } : {}),
      ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}),
    };
    return new Promise<Answer>((resolve, reject) => {
      const req = http.request(`${url}${requestPath}`, { method, agent, headers }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => {
          text += d;
        });
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, body: text ? JSON.parse(text) : {} });
          } catch {
            reject(new Error(`${method} ${requestPath}: ${res.statusCode} with a body that is not JSON: ${text.slice(0, 200)}`));
          }
        });
      });
      req.on('error', reject);
      req.end(payload);
    });
  };
  return { url, pid: child.pid as number, request, output: () => output, stop, exited };
}
