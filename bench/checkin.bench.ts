// The morning check-in rush (issue 17): 2,000 children enrolled across 100 institutions, 50
// clients checking them in as their institutions' caregivers (PUT
// /api/v1/children/:id/attendance/:date), each request a new day's record and its audit entry.
// PostgreSQL with one server process and with two, read against pgbench; PGlite for information.
// Each request checks a child in on a past day (yesterday, then the day before, …), so every one
// writes a new row at a time already passed, as a morning's first check-ins do.
import type { Result } from 'autocannon';
import { addDaysIso, todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { anchors } from './anchors.ts';
import type { CheckinReady } from './checkinServer.ts';
import {
  ask,
  auditLine,
  type BenchServer,
  checkAudit,
  load,
  postgresUrl,
  rate,
  row,
  SECONDS,
  settle,
  startServer,
  stopServer,
  withSchema,
} from './harness.ts';
import { judge, times } from './targets.ts';

const SCRIPT = new URL('./checkinServer.ts', import.meta.url);
const ACTION = 'attendance.record';

/** The stream of check-ins, shared by the runs on one database so no two write the same child and day. */
function checkIns(ready: CheckinReady) {
  const yesterday = addDaysIso(todayInShanghai(new Date()), -1);
  const stream = {
    sent: 0,
    next: () => {
      const i = stream.sent++;
      const child = ready.children[i % ready.children.length] as CheckinReady['children'][number];
      const back = Math.floor(i / ready.children.length);
      if (back >= ready.enrolledDays - 1) throw new Error('the rush ran past the days the children are enrolled');
      const day = addDaysIso(yesterday, -back);
      return {
        method: 'PUT',
        path: `/api/v1/children/${child.childId}/attendance/${day}`,
        headers: { 'content-type': 'application/json', cookie: child.cookie },
        body: JSON.stringify({ status: 'present', checkedInAt: `${day}T07:45:00+08:00` }),
      };
    },
  };
  return stream;
}

/**
 * Runs the rush against these servers (warm-up first) and checks what it wrote. A run stops with
 * requests in flight, unanswered, which may have committed: the rows lie between the answered
 * and the sent, and each has its one audit entry.
 */
async function rush(label: string, servers: BenchServer<CheckinReady>[], stream: ReturnType<typeof checkIns>, answeredBefore: number) {
  const ports = servers.map((s) => s.ready.port);
  const warm = await load(ports, { next: stream.next, duration: 2 });
  const result = await load(ports, { next: stream.next });
  await settle(servers);
  const answered = answeredBefore + warm['2xx'] + result['2xx'];
  const first = servers[0] as BenchServer<CheckinReady>;
  const audit = await checkAudit(first, ACTION);
  const rows = await ask<number>(first.child, { type: 'attendance' });
  console.log(`${label}: ${auditLine(ACTION, answered, audit)}; ${rows} attendance rows for ${stream.sent} check-ins sent`);
  if (!audit.ok || audit.entries !== rows || rows < answered || rows > stream.sent) {
    console.log(`${label}: WRONG — an answered check-in without its row, or a row without its one audit entry`);
  }
  return { result, answered };
}

function print(label: string, ready: CheckinReady, rows: [string, Result][], pgbenchTps?: number) {
  console.log(
    `\n${label}: ${ready.children.length} children at 100 institutions seeded in ${(ready.seedMs / 1000).toFixed(1)} s; ${SECONDS} s per run`,
  );
  console.table(
    rows.map(([name, r]) => ({
      ...row(name, r),
      ...(pgbenchTps ? { 'ratio to pgbench': Number((rate(r) / pgbenchTps).toFixed(2)) } : {}),
    })),
  );
}

async function onPGlite() {
  const server = await startServer<CheckinReady>(SCRIPT, { BENCH_DIALECT: 'pglite' });
  try {
    const { result } = await rush('PGlite', [server], checkIns(server.ready), 0);
    print('PGlite (for information)', server.ready, [['PUT attendance, 1 process', result]]);
  } finally {
    await stopServer(server);
  }
}

async function onPostgres(url: string, tps: number) {
  await withSchema(url, async (schema) => {
    const env = { BENCH_DIALECT: 'postgres', BENCH_PG_URL: url, BENCH_PG_SCHEMA: schema };
    const first = await startServer<CheckinReady>(SCRIPT, env);
    const servers = [first];
    try {
      const stream = checkIns(first.ready);
      const one = await rush('PostgreSQL, 1 process', servers, stream, 0);
      servers.push(await startServer<CheckinReady>(SCRIPT, { ...env, BENCH_ATTACH: '1' }));
      const two = await rush('PostgreSQL, 2 processes', servers, stream, one.answered);
      print(
        'PostgreSQL',
        first.ready,
        [
          ['PUT attendance, 1 process', one.result],
          ['PUT attendance, 2 processes', two.result],
        ],
        tps,
      );
      const r1 = one.result;
      judge(
        'check-in rush on PostgreSQL',
        `${Math.round(rate(r1))} req/s = ${times(rate(r1), tps, 'pgbench')}, p99 ${r1.latency.p99} ms`,
        '≥ 0.50 × pgbench, p99 < 100 ms',
        rate(r1) >= 0.5 * tps && r1.latency.p99 < 100,
      );
      judge(
        'check-in rush, 2 processes on one PostgreSQL',
        `${Math.round(rate(two.result))} req/s = ${times(rate(two.result), rate(r1), '1 process')}`,
        '≥ 1.50 × 1 process',
        rate(two.result) >= 1.5 * rate(r1),
      );
    } finally {
      await Promise.all(servers.map(stopServer));
    }
  });
}

export default async function checkinBench(): Promise<void> {
  const { pgbench } = await anchors();
  await onPGlite();
  const url = postgresUrl();
  if (!url || !pgbench) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  await onPostgres(url, pgbench.tps);
}
