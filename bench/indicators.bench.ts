// Oversight on a province-sized data set (issue 14): indicators of the root and of a township
// with 20 concurrent clients, 2SFCA for one city, a 36-month series, each asked through HTTP as
// the city's official, read against bare Fastify answering a 20-item JSON list; then a filing,
// and whether the next answer counts it. PostgreSQL only: the province is too large for PGlite.
import os from 'node:os';
import type { Result } from 'autocannon';
import { addMonthsIso, todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { anchors } from './anchors.ts';
import { ask, type BenchServer, load, postgresUrl, rate, row, SECONDS, startServer, stopServer, withSchema } from './harness.ts';
import { PROVINCE, ROOT } from './indicatorsData.ts';
import type { IndicatorsReady } from './indicatorsServer.ts';
import { judge, times } from './targets.ts';

const SCRIPT = new URL('./indicatorsServer.ts', import.meta.url);
const CLIENTS = 20;

async function getJson<T>(server: BenchServer<IndicatorsReady>, path: string): Promise<T> {
  const res = await fetch(`http://127.0.0.1:${server.ready.port}${path}`, { headers: { cookie: server.ready.cookie } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** A root's places now, the official filing one more institution of 20 places, and its places in the next answer. */
async function freshness(server: BenchServer<IndicatorsReady>, path: string) {
  const before = (await getJson<{ places: number }>(server, path)).places;
  const added = await ask<number>(server.child, { type: 'file' });
  const after = (await getJson<{ places: number }>(server, path)).places;
  return { before, added, after };
}

export default async function indicatorsBench(): Promise<void> {
  const { fastify } = await anchors();
  const url = postgresUrl();
  if (!url) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL); the province is too large for PGlite');
    return;
  }
  await withSchema(url, async (schema) => {
    const server = await startServer<IndicatorsReady>(SCRIPT, { BENCH_DIALECT: 'postgres', BENCH_PG_URL: url, BENCH_PG_SCHEMA: schema });
    try {
      const { port, cookie, township, seedMs } = server.ready;
      const thisMonth = todayInShanghai(new Date()).slice(0, 7);
      const from = addMonthsIso(`${thisMonth}-01`, -35).slice(0, 7);
      const paths = {
        root: `/api/v1/indicators?divisionCode=${ROOT}`,
        township: `/api/v1/indicators?divisionCode=${township}`,
        access: `/api/v1/planning/access?divisionCode=${ROOT}`,
        series: `/api/v1/indicators/series?divisionCode=${ROOT}&from=${from}&to=${thisMonth}`,
      };
      const access = await getJson<{ points: unknown[]; supplyCounted: number }>(server, paths.access);
      const run = (path: string, connections: number) => load([port], { next: () => ({ path, headers: { cookie } }), connections });
      // Warm up: JIT, query plans, connection pools.
      await load([port], { next: () => ({ path: paths.root, headers: { cookie } }), connections: CLIENTS, duration: 3 });
      const rows: [string, Result][] = [];
      const measure = async (name: string, path: string, connections: number) => {
        const r = await run(path, connections);
        rows.push([`${name}, ${connections} client${connections > 1 ? 's' : ''}`, r]);
        return r;
      };
      const root = await measure(`GET indicators of city ${ROOT}`, paths.root, CLIENTS);
      const town = await measure(`GET indicators of township ${township}`, paths.township, CLIENTS);
      const access1 = await measure(`GET planning/access of city ${ROOT}`, paths.access, 1);
      await measure(`GET planning/access of city ${ROOT}`, paths.access, CLIENTS);
      const series1 = await measure('GET indicators/series, 36 months', paths.series, 1);
      await measure('GET indicators/series, 36 months', paths.series, CLIENTS);
      const fresh = await freshness(server, paths.root);
      const [load1] = os.loadavg();
      console.log(
        `\nPostgreSQL: ${PROVINCE.cities} cities, ${PROVINCE.districts} districts, ${PROVINCE.townships} townships, ` +
          `${PROVINCE.institutions} institutions, ${PROVINCE.institutions * PROVINCE.classesEach} classes, ${PROVINCE.children} children ` +
          `seeded in ${(seedMs / 1000).toFixed(1)} s; city ${ROOT}'s accessibility has ${access.points.length} points and ` +
          `${access.supplyCounted} places; ${SECONDS} s per run; load average ${load1?.toFixed(1)} on ${os.cpus().length} cores when done`,
      );
      console.table(
        rows.map(([name, r]) => ({ ...row(name, r), 'ratio to bare Fastify': Number((rate(r) / fastify.reqPerSec).toFixed(2)) })),
      );
      console.log(
        `freshness: city ${ROOT} had ${fresh.before} places; one institution of ${fresh.added} places filed; the next answer says ${fresh.after}`,
      );
      // A run in which no request came back within its length has no p50 to judge, and fails.
      const p50 = (r: Result, target: number) =>
        [
          r.requests.total === 0
            ? 'no answer within the run'
            : `p50 ${r.latency.p50} ms, ${times(rate(r), fastify.reqPerSec, 'bare Fastify')}`,
          `p50 < ${target} ms`,
          r.requests.total > 0 && r.latency.p50 < target,
        ] as const;
      judge(`indicators of a city (the largest root), ${CLIENTS} clients`, ...p50(root, 100));
      judge(`indicators of a township, ${CLIENTS} clients`, ...p50(town, 20));
      judge('2SFCA of one city, 1 client', ...p50(access1, 500));
      judge('36-month series of one city, 1 client', ...p50(series1, 1000));
      judge(
        'a filing changes the city figure at once',
        `${fresh.before} → ${fresh.after} places`,
        `+${fresh.added} in the next answer`,
        fresh.after === fresh.before + fresh.added,
      );
    } finally {
      await stopServer(server);
    }
  });
}
