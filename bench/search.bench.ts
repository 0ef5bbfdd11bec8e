// Public search under load (issues 3 and 17): 10,000 filed institutions, 50 concurrent clients,
// quiet and while 20 writes a second change institutions, read against bare Fastify answering a
// 20-item JSON list; PostgreSQL (when BENCH_DATABASE_URL or TEST_DATABASE_URL is set) with the
// plans of the statements a search runs there, PGlite for information.
import type { Result } from 'autocannon';
import { type Kysely, sql } from 'kysely';
import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { openPostgres } from '../src/server/db/connect.ts';
import type { DB } from '../src/server/db/schema.ts';
import { changesSince, enrolledQuery, entryQueries } from '../src/server/modules/institutions/public/queries.ts';
import { anchors } from './anchors.ts';
import { ask, CONNECTIONS, load, postgresUrl, rate, row, SECONDS, startServer, stopServer, withSchema } from './harness.ts';
import { INSTITUTIONS, searchPaths } from './searchData.ts';
import { judge, times } from './targets.ts';

const TARGET_P99_MS = 50;
const SCRIPT = new URL('./searchServer.ts', import.meta.url);

type ServerStats = { p50: number; p99: number; max: number };

function searchRow(name: string, r: Result, server: ServerStats, bare: number) {
  return {
    ...row(name, r),
    'server p50/p99 ms': `${server.p50}/${server.p99}`,
    'ratio to bare Fastify': Number((rate(r) / bare).toFixed(2)),
  };
}

async function measure(dialect: string, env: Record<string, string>, bare: number) {
  const server = await startServer<{ seedMs: number }>(SCRIPT, env);
  const { child } = server;
  const port = server.ready.port;
  const serverStats = () => ask<ServerStats>(child, { type: 'stats' });
  try {
    const paths = searchPaths(todayInShanghai(new Date()));
    let next = 0;
    const searches = () => ({ path: paths[next++ % paths.length] as string });
    // Warm up: JIT, query plans, connection pools.
    await load([port], { next: () => ({ path: '/api/v1/health' }), duration: 2 });
    await load([port], { next: searches, duration: 3 });
    await serverStats();
    const health = await load([port], { next: () => ({ path: '/api/v1/health' }) });
    const healthServer = await serverStats();
    const search = await load([port], { next: searches });
    const searchServer = await serverStats();
    await ask(child, { type: 'writes:on' });
    const busy = await load([port], { next: searches });
    const writes = await ask<number>(child, { type: 'writes:off' });
    const busyServer = await serverStats();
    console.log(
      `\n${dialect}: ${INSTITUTIONS} institutions seeded in ${(server.ready.seedMs / 1000).toFixed(1)} s; ${CONNECTIONS} connections, ${SECONDS} s each`,
    );
    console.table([
      searchRow('GET /api/v1/health', health, healthServer, bare),
      searchRow('GET /api/v1/institutions/search', search, searchServer, bare),
      searchRow(`… while ${Math.round(writes / SECONDS)} writes/s change institutions`, busy, busyServer, bare),
    ]);
    return { search, busy, writesPerSecond: writes / SECONDS };
  } finally {
    await stopServer(server);
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
  const { fastify } = await anchors();
  await measure('PGlite (for information)', { BENCH_DIALECT: 'pglite' }, fastify.reqPerSec);
  const url = postgresUrl();
  if (!url) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  await withSchema(url, async (schema) => {
    const { search, busy, writesPerSecond } = await measure(
      'PostgreSQL',
      { BENCH_DIALECT: 'postgres', BENCH_PG_URL: url, BENCH_PG_SCHEMA: schema },
      fastify.reqPerSec,
    );
    for (const [name, r] of [
      ['public search on PostgreSQL, quiet', search],
      [`public search on PostgreSQL, while ${Math.round(writesPerSecond)} writes/s`, busy],
    ] as const) {
      judge(
        name,
        `${Math.round(rate(r))} req/s = ${times(rate(r), fastify.reqPerSec, 'bare Fastify')}, p99 ${r.latency.p99} ms`,
        `≥ 0.50 × bare Fastify, p99 < ${TARGET_P99_MS} ms`,
        rate(r) >= 0.5 * fastify.reqPerSec && r.latency.p99 < TARGET_P99_MS,
      );
    }
    await explain(url, schema);
  });
}
