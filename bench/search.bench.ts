// Public search under load (issue 3): 10,000 filed institutions, 50 concurrent clients, p99
// latency against GET /api/v1/health measured in the same run, on PGlite and — when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set — PostgreSQL, with the search plan there.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { openPostgres } from '../src/server/db/connect.ts';
import { SearchQuery } from '../src/server/modules/institutions/public/schemas.ts';
import { searchStatements } from '../src/server/modules/institutions/public/search.ts';
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

function serverStats(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    child.once('message', (m) => resolve(m as ServerStats));
    child.send('stats');
  });
}

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
    console.log(
      `\n${dialect}: ${INSTITUTIONS} institutions seeded in ${(seedMs / 1000).toFixed(1)} s; ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    console.table([
      row('GET /api/v1/health (baseline)', health, healthServer),
      row('GET /api/v1/institutions/search', search, searchServer),
    ]);
    const ratio = search.latency.p99 / Math.max(1, health.latency.p99);
    console.log(
      `search p99 = ${search.latency.p99} ms = ${ratio.toFixed(1)} × baseline p99; target ${TARGET_P99_MS} ms: ${search.latency.p99 <= TARGET_P99_MS ? 'met' : 'NOT met'}`,
    );
  } finally {
    child.kill('SIGTERM');
  }
}

async function explain(url: string, schema: string) {
  const database = await openPostgres({ url, schema, poolSize: 1 });
  try {
    const query = SearchQuery.parse({ lat: '34.6', lng: '119.21', radiusKm: '5' });
    const { page } = searchStatements(query, todayInShanghai(new Date()));
    // A fresh connection plans slowly the first times (catalog caches); measure a warm one.
    for (let i = 0; i < 3; i++) await page.execute(database.db);
    const plan = await sql<{ 'QUERY PLAN': string }>`explain (analyze, buffers, costs off) ${page}`.execute(database.db);
    console.log('\nPostgreSQL plan of a search within 5 km of 新海街道 (page 1 of 20):');
    for (const line of plan.rows) console.log(`  ${line['QUERY PLAN']}`);
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
