// Voucher redemption under load (issues 6 and 17): 50 clients as the institution's director POST
// /api/v1/vouchers/redeem, each request a different voucher and statement with its own
// idempotency key. PGlite with one server process; PostgreSQL with one and with two, read against
// pgbench. After each run: the redemptions standing, vouchers redeemed twice (must be none), the
// program's ledger balanced, and the audit log sealed and verified.
import type { Result } from 'autocannon';
import { anchors } from './anchors.ts';
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
import type { RedeemReady, Redemptions } from './redeemServer.ts';
import { judge, times } from './targets.ts';

const SCRIPT = new URL('./redeemServer.ts', import.meta.url);
const ACTION = 'voucher.redeem';
/** Vouchers per run; a run that uses them all goes on with used ones, answered 409 and counted as non-2xx. */
const PER_RUN = Number(process.env.BENCH_VOUCHERS ?? 8_000);
/** Today's figure in the issue, in-memory PGlite, before the audit lock went. */
const PGLITE_BEFORE = 49;

/** `before`: the redemptions standing and the requests answered 200 before this run, on the same database. */
async function redeemRun(
  label: string,
  servers: BenchServer<RedeemReady>[],
  items: RedeemReady['items'],
  before = { redeemed: 0, answered: 0 },
) {
  const first = servers[0] as BenchServer<RedeemReady>;
  const run = `${Date.now()}`;
  let n = 0;
  const next = () => {
    const i = n++;
    const item = items[i % items.length] as RedeemReady['items'][number];
    return {
      method: 'POST',
      path: '/api/v1/vouchers/redeem',
      headers: { 'content-type': 'application/json', cookie: first.ready.director },
      body: JSON.stringify({ ...item, amountFen: 50_000, idempotencyKey: `bench-${run}-${i}` }),
    };
  };
  const result = await load(
    servers.map((s) => s.ready.port),
    { next },
  );
  await settle(servers);
  if (n > items.length)
    console.log(`${label}: the ${items.length} vouchers ran out; later requests were answered 409 (raise BENCH_VOUCHERS)`);
  const answered = before.answered + result['2xx'];
  const standing = await ask<Redemptions>(first.child, { type: 'redemptions' });
  const ledger = (await (
    await fetch(`http://127.0.0.1:${first.ready.port}/api/v1/voucher-programs/${first.ready.programId}/ledger?limit=1`, {
      headers: { cookie: first.ready.city },
      signal: AbortSignal.timeout(60_000),
    })
  ).json()) as { balanced: boolean };
  const audit = await checkAudit(first, ACTION);
  // A run stops with requests in flight: those may have committed unanswered (the server answers
  // questions once they are done).
  const ok =
    standing.doubleSpends === 0 &&
    ledger.balanced &&
    audit.ok &&
    standing.redeemed - before.redeemed >= result['2xx'] &&
    standing.redeemed - before.redeemed <= n &&
    audit.entries === standing.redeemed;
  console.log(
    `${label}: ${standing.redeemed} redemptions standing for ${answered} answered 200; ${standing.doubleSpends} vouchers redeemed twice; ` +
      `ledger balanced: ${ledger.balanced}\n${label}: ${auditLine(ACTION, answered, audit)}${ok ? '' : '\nWRONG — see the line above'}`,
  );
  return { result, ok, answered, redeemed: standing.redeemed };
}

function print(label: string, ready: RedeemReady, rows: [string, Result][], pgbenchTps?: number) {
  console.log(`\n${label}: ${ready.items.length} vouchers seeded in ${(ready.seedMs / 1000).toFixed(1)} s; ${SECONDS} s per run`);
  console.table(
    rows.map(([name, r]) => ({
      ...row(name, r),
      ...(pgbenchTps ? { 'ratio to pgbench': Number((rate(r) / pgbenchTps).toFixed(2)) } : {}),
    })),
  );
}

async function onPGlite() {
  const server = await startServer<RedeemReady>(SCRIPT, { BENCH_DIALECT: 'pglite', BENCH_VOUCHERS: String(PER_RUN) });
  try {
    const one = await redeemRun('PGlite', [server], server.ready.items);
    print('PGlite', server.ready, [['POST redeem, 1 process', one.result]]);
    judge(
      'voucher redemption on PGlite',
      `${Math.round(rate(one.result))} req/s = ${times(rate(one.result), PGLITE_BEFORE, `the issue's ${PGLITE_BEFORE} req/s`)}`,
      `≥ 10 × ${PGLITE_BEFORE} req/s`,
      rate(one.result) >= 10 * PGLITE_BEFORE && one.ok,
    );
  } finally {
    await stopServer(server);
  }
}

async function onPostgres(url: string, tps: number) {
  await withSchema(url, async (schema) => {
    const env = { BENCH_DIALECT: 'postgres', BENCH_PG_URL: url, BENCH_PG_SCHEMA: schema };
    const first = await startServer<RedeemReady>(SCRIPT, { ...env, BENCH_VOUCHERS: String(2 * PER_RUN) });
    const servers = [first];
    try {
      const items = first.ready.items;
      const one = await redeemRun('PostgreSQL, 1 process', servers, items.slice(0, PER_RUN));
      servers.push(await startServer<RedeemReady>(SCRIPT, { ...env, BENCH_ATTACH: '1' }));
      const two = await redeemRun('PostgreSQL, 2 processes', servers, items.slice(PER_RUN), one);
      print(
        'PostgreSQL',
        first.ready,
        [
          ['POST redeem, 1 process', one.result],
          ['POST redeem, 2 processes', two.result],
        ],
        tps,
      );
      const r1 = one.result;
      judge(
        'voucher redemption on PostgreSQL',
        `${Math.round(rate(r1))} req/s = ${times(rate(r1), tps, 'pgbench')}, p99 ${r1.latency.p99} ms, ${one.ok ? 'no double spend, ledger balanced' : 'WRONG'}`,
        '≥ 0.50 × pgbench, p99 < 100 ms, 0 double spends, ledger balanced',
        rate(r1) >= 0.5 * tps && r1.latency.p99 < 100 && one.ok,
      );
      judge(
        'voucher redemption, 2 processes on one PostgreSQL',
        `${Math.round(rate(two.result))} req/s = ${times(rate(two.result), rate(r1), '1 process')}, ${two.ok ? 'no double spend, ledger balanced' : 'WRONG'}`,
        '≥ 1.50 × 1 process',
        rate(two.result) >= 1.5 * rate(r1) && two.ok,
      );
    } finally {
      await Promise.all(servers.map(stopServer));
    }
  });
}

export default async function redeemBench(): Promise<void> {
  const { pgbench } = await anchors();
  await onPGlite();
  const url = postgresUrl();
  if (!url || !pgbench) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  await onPostgres(url, pgbench.tps);
}
