// Public search under load (issue 3): 10,000 filed institutions, 50 concurrent clients, p99
// latency against GET /api/v1/health measured in the same run, quiet and while 20 writes a
// second change institutions, on PGlite and — when BENCH_DATABASE_URL or TEST_DATABASE_URL is
// set — PostgreSQL, with the plans of the statements a search runs there.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon, { type Result } from 'autocannon';
import { type Kysely, sql } from 'kysely';
import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { openPostgres } from '../src/server/db/connect.ts';
import type { DB } from '../src/server/db/schema.ts';
import { changesSince, enrolledQuery, entryQueries } from '../src/server/modules/institutions/public/queries.ts';
import { INSTITUTIONS, searchPaths } from './searchData.ts';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TARGET_P99_MS = 50;

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; port: number; seedMs: number }> {
  const child = fork(new URL('./searchServer.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number; seedMs: number }) => resolve({ child, port: m.port, seedMs: m.seedMs }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

async function load(port: number, paths: string[], duration = SECONDS): Promise<Result> {
  let next = 0;
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration,
    requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] as string }) }],
  });
}

type ServerStats = { p50: number; p99: number; max: number };

function ask<T>(child: ChildProcess, message: string): Promise<T> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as T));
    child.send(message);
  });
}
const serverStats = (child: ChildProcess) => ask<ServerStats>(child, 'stats');

function row(name: string, r: Result, server: ServerStats) {
  return {
    route: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p90 ms': r.latency.p90,
    'p99 ms': r.latency.p99,
    'max ms': r.latency.max,
    requests: r.requests.total,
    'non-2xx': r.non2xx + r.errors + r.timeouts,
    'server p50/p99 ms': `${server.p50}/${server.p99}`,
  };
}

async function measure(dialect: string, env: Record<string, string>) {
  const { child, port, seedMs } = await startServer(env);
  try {
    const today = todayInShanghai(new Date());
    const paths = searchPaths(today);
    // Warm up: JIT, query plans, connection pools.
    await load(port, ['/api/v1/health'], 2);
    await load(port, paths, 3);
    await serverStats(child);
    const health = await load(port, ['/api/v1/health']);
    const healthServer = await serverStats(child);
    const search = await load(port, paths);
    const searchServer = await serverStats(child);
    await ask(child, 'writes:on');
    const busy = await load(port, paths);
    const { writes } = await ask<{ writes: number }>(child, 'writes:off');
    const busyServer = await serverStats(child);
    console.log(
      `\n${dialect}: ${INSTITUTIONS} institutions seeded in ${(seedMs / 1000).toFixed(1)} s; ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    console.table([
      row('GET /api/v1/health (baseline)', health, healthServer),
      row('GET /api/v1/institutions/search', search, searchServer),
      row(`… while ${Math.round(writes / SECONDS)} writes/s change institutions`, busy, busyServer),
    ]);
    for (const [name, r] of [
      ['search', search],
      ['search while writing', busy],
    ] as const) {
      const ratio = r.latency.p99 / Math.max(1, health.latency.p99);
      console.log(
        `${name} p99 = ${r.latency.p99} ms = ${ratio.toFixed(1)} × baseline p99; target ${TARGET_P99_MS} ms: ${r.latency.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'}`,
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

async function explain(url: string, schema: string) {
  const database = await openPostgres({ url, schema, poolSize: 1 });
  const db: Kysely<DB> = database.db;
  const show = (title: string, rows: Record<string, unknown>[]) => {
    console.log(`\n${title}`);
    for (const line of rows) console.log(`  ${line['QUERY PLAN']}`);
  };
  try {
    // What every search asks PostgreSQL: has anything changed since this process's version?
    show(
      'PostgreSQL plan of the version read, once per search:',
      await db.selectFrom('institution_search_version').select('version').explain(undefined, sql`analyze, costs off`),
    );
    // What a search asks after a write: the institutions noted since, then their entries.
    const { version } = await db.selectFrom('institution_search_version').select('version').executeTakeFirstOrThrow();
    const changed = await db.selectFrom('filed_institutions').select('institution_id').limit(5).execute();
    await db.transaction().execute(async (trx) => {
      const ids = changed.map((c) => c.institution_id);
      await trx.updateTable('filed_institutions').set({ updated_at: new Date() }).where('institution_id', 'in', ids).execute();
    });
    show(
      'PostgreSQL plan of the notes since that version, after one write touching 5 institutions:',
      (await sql<Record<string, unknown>>`explain (analyze, costs off) ${changesSince(Number(version))}`.execute(db)).rows,
    );
    const q = entryQueries(
      db,
      changed.map((c) => c.institution_id),
    );
    const classIds = (await q.classes.execute()).map((k) => k.id);
    for (const [name, query] of Object.entries({ ...q, enrolled: enrolledQuery(db, classIds) })) {
      show(`PostgreSQL plan of reloading those 5 institutions, ${name}:`, await query.explain(undefined, sql`analyze, costs off`));
    }
  } finally {
    await database.close();
  }
}

export default async function searchBench() {
  await measure('PGlite', { BENCH_DIALECT: 'pglite' });
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url, poolSize: 1 });
  await admin.withScriptSession(1, (run) => run(`create schema ${schema}`));
  try {
    await measure('PostgreSQL', { BENCH_DIALECT: 'postgres', BENCH_PG_URL: url, BENCH_PG_SCHEMA: schema });
    await explain(url, schema);
  } finally {
    await admin.withScriptSession(1, (run) => run(`drop schema ${schema} cascade`));
    await admin.close();
  }
}
