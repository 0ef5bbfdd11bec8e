// What the benches share on the load side: starting bench servers (bench/serve.ts) as child
// processes, asking them questions, a PostgreSQL schema of one's own, and autocannon runs spread
// over one or more server processes.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon, { type Result } from 'autocannon';
import { openPostgres } from '../src/server/db/connect.ts';
import type { AuditCheck, BenchMessage } from './serve.ts';

export const CONNECTIONS = 50;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

export type BenchServer<R> = { child: ChildProcess; ready: R & { port: number } };

/** Forks a bench server script and resolves once it listens; its request log goes nowhere. */
export function startServer<R>(script: URL, env: Record<string, string>): Promise<BenchServer<R>> {
  const child = fork(script, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`bench server exited with ${code}`));
    child.once('exit', onExit);
    child.once('message', (m: BenchMessage) => {
      child.off('exit', onExit);
      resolve({ child, ready: m.answer as R & { port: number } });
    });
  });
}

/** Sends a message to a bench server and resolves with its answer; a server that does not answer in two minutes fails the bench. */
export function ask<T>(child: ChildProcess, message: BenchMessage): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', listen);
      reject(new Error(`bench server ${child.pid} did not answer '${message.type}' within 2 minutes`));
    }, 120_000);
    const listen = (m: BenchMessage) => {
      if (m.type !== message.type) return;
      clearTimeout(timer);
      child.off('message', listen);
      resolve(m.answer as T);
    };
    child.on('message', listen);
    child.send(message);
  });
}

/** Resolves once none of these servers has had a request in flight for a second. */
export async function settle(servers: BenchServer<unknown>[]): Promise<void> {
  await Promise.all(servers.map((s) => ask(s.child, { type: 'settled' })));
}

/** After a write bench: waits for the sealer to catch up, then verifies the chain. */
export const checkAudit = (server: BenchServer<unknown>, action: string) => ask<AuditCheck>(server.child, { type: 'audit', action });

export function auditLine(action: string, answered: number, audit: AuditCheck): string {
  const verdict = audit.ok
    ? `verifies (${audit.checked} entries chained, ${audit.unsealed} unsealed)`
    : `BROKEN at ${audit.problem?.seq} (${audit.problem?.reason})`;
  return (
    `audit: ${audit.entries} '${action}' entries for ${answered} answered 2xx; ${audit.backlog} entries unsealed when the load stopped, ` +
    `sealed ${audit.catchUpMs} ms later; the chain ${verdict}`
  );
}

/** SIGTERM, then SIGKILL if it lingers, so a stuck server cannot hold the bench and hide its error. */
export async function stopServer(server: BenchServer<unknown>): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  const killer = setTimeout(() => server.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

/** The PostgreSQL URL the benches use, if any. */
export const postgresUrl = (): string | undefined => process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;

/** Runs `fn` with a schema of its own on that database, dropped afterwards. */
export async function withSchema<T>(url: string, fn: (schema: string) => Promise<T>): Promise<T> {
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url, poolSize: 1 });
  await admin.withScriptSession(1, (run) => run(`create schema ${schema}`));
  try {
    return await fn(schema);
  } finally {
    await admin.withScriptSession(1, (run) => run(`drop schema ${schema} cascade`));
    await admin.close();
  }
}

export type RequestSpec = { method?: string; path: string; headers?: Record<string, string>; body?: string };

/**
 * `connections` clients (CONNECTIONS) against the servers on `ports` (connection i to port i %
 * ports.length, so one histogram covers them all) for `duration` seconds (SECONDS); `next` builds
 * each request.
 */
export function load(ports: number[], options: { next: () => RequestSpec; duration?: number; connections?: number }): Promise<Result> {
  return autocannon({
    url: ports.map((port) => `http://127.0.0.1:${port}`),
    connections: options.connections ?? CONNECTIONS,
    duration: options.duration ?? SECONDS,
    requests: [{ setupRequest: (request) => ({ ...request, ...options.next() }) }],
  });
}

/** Answers per second over the whole run (autocannon's own average is of whole seconds only). */
export const rate = (r: Result): number => r.requests.total / r.duration;

export function row(name: string, r: Result) {
  return {
    measure: name,
    'req/s': Math.round(rate(r)),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    'max ms': r.latency.max,
    requests: r.requests.total,
    'non-2xx': r.non2xx + r.errors + r.timeouts,
  };
}
