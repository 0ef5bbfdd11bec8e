// The anchors every tuoyu figure is read against, measured once per `npm run bench` on the same
// machine and database: pgbench's tpcb-like transactions (16 clients) for writes, and bare
// Fastify answering a 20-item JSON list (50 connections) for reads.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import pg from 'pg';
import { type BenchServer, load, postgresUrl, rate, row, SECONDS, startServer, stopServer } from './harness.ts';

const run = promisify(execFile);

export type Anchors = {
  /** Absent without a PostgreSQL to run it on. */
  pgbench?: { tps: number; latencyMs: number };
  fastify: { reqPerSec: number; p99: number };
};

let measured: Promise<Anchors> | undefined;

/** Measures the anchors on first call and prints them; later calls get the same figures. */
export function anchors(): Promise<Anchors> {
  measured ??= measure();
  return measured;
}

async function measure(): Promise<Anchors> {
  const url = postgresUrl();
  const pgbench = url ? await runPgbench(url) : undefined;
  const server: BenchServer<unknown> = await startServer(new URL('./bareServer.ts', import.meta.url), {});
  try {
    await load([server.ready.port], { next: () => ({ path: '/items' }), duration: 2 });
    const bare = await load([server.ready.port], { next: () => ({ path: '/items' }) });
    console.log(`\n== anchors (${SECONDS} s each)`);
    if (pgbench) {
      console.log(
        `pgbench -c 16 -j 2 -T ${SECONDS}, tpcb-like, scale 16, same PostgreSQL: ${Math.round(pgbench.tps)} TPS, average latency ${pgbench.latencyMs} ms`,
      );
    } else console.log('pgbench: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    console.table([row('bare Fastify, GET a 20-item JSON list, 50 connections', bare)]);
    return { ...(pgbench ? { pgbench } : {}), fastify: { reqPerSec: rate(bare), p99: bare.latency.p99 } };
  } finally {
    await stopServer(server);
  }
}

/** tpcb-like in a database of its own, created and dropped here, so no test's tables are touched. */
async function runPgbench(url: string): Promise<{ tps: number; latencyMs: number }> {
  const name = `bench_pgbench_${randomBytes(4).toString('hex')}`;
  const target = new URL(url);
  target.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    await run('pgbench', ['-i', '-q', '-s', '16', target.toString()]);
    const { stdout } = await run('pgbench', ['-c', '16', '-j', '2', '-T', String(SECONDS), target.toString()]);
    const tps = Number(stdout.match(/tps = ([\d.]+)/)?.[1]);
    const latencyMs = Number(stdout.match(/latency average = ([\d.]+) ms/)?.[1]);
    if (!tps) throw new Error(`pgbench printed no TPS:\n${stdout}`);
    return { tps, latencyMs };
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
