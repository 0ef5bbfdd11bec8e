// The server side of a bench, in a process of its own so the load generator does not share its
// event loop. It is built as src/server/main.ts builds it (configuration from the environment,
// the database as the server opens it, the same background jobs, the audit sealer among them),
// with only the rate limits lifted. Started by bench/harness.ts with BENCH_DIALECT (pglite |
// postgres) and, for PostgreSQL, BENCH_PG_URL and BENCH_PG_SCHEMA.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/server/app.ts';
import { loadConfig } from '../src/server/config.ts';
import { createFieldCipher } from '../src/server/db/fieldCipher.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { openDatabase } from '../src/server/db/open.ts';
import { ensureDivisions } from '../src/server/demo/seed.ts';
import { type Deps, systemClock } from '../src/server/deps.ts';
import { serverJobs } from '../src/server/modules.ts';
import { loadCheckpointKey } from '../src/server/platform/audit/checkpointKey.ts';
import { verifyAuditLog } from '../src/server/platform/audit/verify.ts';
import { startJobs } from '../src/server/platform/jobs/scheduler.ts';

// Fixed keys: every process of a bench must share them, and nothing is kept afterwards.
const FIELD_KEY = Buffer.alloc(32, 3).toString('base64');
const AUDIT_KEY = Buffer.alloc(32, 5).toString('base64');

export type AuditCheck = {
  /** Entries not sealed yet when the load stopped. */
  backlog: number;
  /** How long the sealer job took to chain that backlog. */
  catchUpMs: number;
  /** Entries of the action asked about, sealed or not. */
  entries: number;
  ok: boolean;
  checked: number;
  unsealed: number;
  problem?: { seq: number; reason: string };
};

export type BenchMessage = { type: string; [key: string]: unknown };

function databaseUrl(): string | undefined {
  if (process.env.BENCH_DIALECT !== 'postgres') return undefined;
  const u = new URL(process.env.BENCH_PG_URL as string);
  u.searchParams.set('options', `-c search_path=${process.env.BENCH_PG_SCHEMA},public`);
  return u.toString();
}

/** Opens and migrates the database as the server does; PGlite lives on disk in a throwaway DATA_DIR. */
export async function openBench(): Promise<Deps> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-bench-'));
  process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }));
  const url = databaseUrl();
  const config = loadConfig({
    NODE_ENV: 'test',
    // Requests are logged as in production; the log goes nowhere (the harness drops stdout).
    LOG_LEVEL: 'info',
    DATA_DIR: dataDir,
    ...(url ? { DATABASE_URL: url } : {}),
    FIELD_ENCRYPTION_KEY: FIELD_KEY,
    AUDIT_SIGNING_KEY: AUDIT_KEY,
    WEB_DIST_DIR: path.join(dataDir, 'no-web'),
    RATE_LIMIT_PER_MINUTE: '1000000000',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000000000',
  });
  const database = await openDatabase(config);
  await migrate(database);
  const deps: Deps = { database, db: database.db, config, clock: systemClock, cipher: createFieldCipher(Buffer.from(FIELD_KEY, 'base64')) };
  await ensureDivisions(deps);
  return deps;
}

/** Waits for the sealer job to chain what the load wrote, then verifies the chain as `cli verify-audit` does. */
async function checkAudit(deps: Deps, action: string): Promise<AuditCheck> {
  const unsealed = async () =>
    Number(
      (
        await deps.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('seq', 'is', null)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const started = Date.now();
  const backlog = await unsealed();
  while ((await unsealed()) > 0 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 25));
  const catchUpMs = Date.now() - started;
  const key = loadCheckpointKey(deps.config);
  const result = await verifyAuditLog(deps.db, { publicKeys: { [key.keyId]: key.publicKeyPem } });
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_log where action = ${action}`.execute(deps.db);
  return { backlog, catchUpMs, entries: rows[0]?.n ?? 0, ...result };
}

/**
 * Builds the app, starts the server's jobs, listens, and tells the parent `{ port, ...ready }`
 * (what `prepare` returns, e.g. the sessions it signed in). Answers `{ type: 'audit', action }`
 * with an AuditCheck, and other messages through `onMessage`.
 */
export async function serveBench(
  deps: Deps,
  prepare: (app: FastifyInstance) => Promise<Record<string, unknown>> = async () => ({}),
  onMessage: (message: BenchMessage) => Promise<unknown> = async () => undefined,
) {
  const app = await buildApp(deps);
  const stopJobs = startJobs(serverJobs(deps), app.log);
  // A run stops with requests in flight, which go on to commit (or not) after it, and requests of
  // closed connections may still wait unread in the socket: questions about what the run wrote
  // wait until no request has been in flight for a second. Every request is sent a reply, even one
  // whose client left.
  let inFlight = 0;
  let lastBusy = Date.now();
  app.addHook('onRequest', async () => {
    inFlight += 1;
  });
  app.addHook('onSend', async () => {
    inFlight -= 1;
    lastBusy = Date.now();
  });
  const settled = async () => {
    const started = Date.now();
    while ((inFlight > 0 || Date.now() - lastBusy < 1_000) && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 25));
  };
  const ready = await prepare(app);
  process.on('message', async (message: BenchMessage) => {
    await settled();
    const answer = message.type === 'audit' ? await checkAudit(deps, message.action as string) : await onMessage(message);
    process.send?.({ type: message.type, answer });
  });
  process.on('SIGTERM', async () => {
    await stopJobs();
    await app.close();
    await deps.database.close();
    process.exit(0);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ type: 'ready', answer: { ...ready, port: typeof address === 'object' && address ? address.port : 0 } });
  return app;
}

/** Signs in through the real route and returns the Cookie header to send. */
export async function signIn(app: FastifyInstance, phone: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password } });
  const cookie = res.cookies.find((c) => c.name === 'tuoyu_session');
  if (!cookie) throw new Error(`bench sign-in failed: ${res.body}`);
  return `${cookie.name}=${cookie.value}`;
}
