// Voucher redemption under load (issue 6): 50 concurrent clients POST /api/v1/vouchers/redeem,
// each request a different voucher and statement with its own idempotency key, against a
// baseline of GET /api/v1/health measured in the same run. PGlite always; PostgreSQL too when
// BENCH_DATABASE_URL or TEST_DATABASE_URL is set. The server runs in a child process (this same
// file, started with REDEEM_BENCH_SERVER=1) so the load generator does not share its event loop.
import { type ChildProcess, fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import autocannon, { type Options, type Result } from 'autocannon';

const CONNECTIONS = 50;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const VOUCHERS = Number(process.env.BENCH_VOUCHERS ?? 6_000);

type Ready = {
  port: number;
  seedMs: number;
  director: string;
  city: string;
  programId: string;
  items: { code: string; statementId: string }[];
};

function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; ready: Ready }> {
  const child = fork(new URL(import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env, REDEEM_BENCH_SERVER: '1' },
    stdio: 'inherit',
  });
  return new Promise((resolve, reject) => {
    child.once('message', (ready: Ready) => resolve({ child, ready }));
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
  });
}

function row(name: string, r: Result) {
  return {
    route: name,
    'req/s': Math.round(r.requests.average),
    'p50 ms': r.latency.p50,
    'p99 ms': r.latency.p99,
    'max ms': r.latency.max,
    requests: r.requests.total,
    'non-2xx': r.non2xx + r.errors + r.timeouts,
  };
}

async function measure(label: string, env: Record<string, string>) {
  const { child, ready } = await startServer(env);
  try {
    const url = `http://127.0.0.1:${ready.port}`;
    const health = await autocannon({ url: `${url}/api/v1/health`, connections: CONNECTIONS, duration: SECONDS });
    let next = 0;
    const run = `${Date.now()}`;
    // autocannon takes a body and headers per request; the local type declaration omits them.
    const options = {
      url,
      connections: CONNECTIONS,
      amount: ready.items.length,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: { path: string }) => {
            const n = next++;
            const item = ready.items[n % ready.items.length] as { code: string; statementId: string };
            return {
              ...request,
              path: '/api/v1/vouchers/redeem',
              headers: { 'content-type': 'application/json', cookie: ready.director },
              body: JSON.stringify({ ...item, amountFen: 50_000, idempotencyKey: `bench-${run}-${n}` }),
            };
          },
        },
      ],
    } as unknown as Options;
    const redeem = await autocannon(options);
    const summary = (await (
      await fetch(`${url}/api/v1/voucher-programs/${ready.programId}/summary`, { headers: { cookie: ready.city } })
    ).json()) as { redeemedFen: number };
    const ledger = (await (
      await fetch(`${url}/api/v1/voucher-programs/${ready.programId}/ledger?limit=1`, { headers: { cookie: ready.city } })
    ).json()) as { balanced: boolean };
    console.log(`\n${label}: ${ready.items.length} vouchers seeded in ${ready.seedMs} ms; ${CONNECTIONS} connections`);
    console.table([row('GET /api/v1/health (baseline)', health), row('POST /api/v1/vouchers/redeem', redeem)]);
    const ratio = redeem.requests.average / health.requests.average;
    console.log(`redemptions per second = ${(ratio * 100).toFixed(1)}% of the health baseline (ratio ${ratio.toFixed(3)})`);
    console.log(
      `after the run: redeemed ${summary.redeemedFen / 50_000} vouchers (${redeem['2xx']} answered 200); ledger balanced: ${ledger.balanced}`,
    );
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

export default async function redeemBench(): Promise<void> {
  await measure('PGlite', { REDEEM_BENCH_DIALECT: 'pglite' });
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) {
    console.log('\nPostgreSQL: skipped (set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    return;
  }
  const { openPostgres } = await import('../src/server/db/connect.ts');
  const schema = `bench_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres({ url, poolSize: 1 });
  await admin.withScriptSession(1, (run) => run(`create schema ${schema}`));
  try {
    await measure('PostgreSQL', { REDEEM_BENCH_DIALECT: 'postgres', REDEEM_BENCH_PG_URL: url, REDEEM_BENCH_PG_SCHEMA: schema });
  } finally {
    await admin.withScriptSession(1, (run) => run(`drop schema ${schema} cascade`));
    await admin.close();
  }
}

/** The server side: a filed institution, VOUCHERS enrolled children, each with a voucher and this month's statement. */
async function serve() {
  const { buildApp } = await import('../src/server/app.ts');
  const { testConfig } = await import('../src/server/config.ts');
  const { openPGlite, openPostgres } = await import('../src/server/db/connect.ts');
  const { migrate } = await import('../src/server/db/migrate.ts');
  const { systemClock } = await import('../src/server/deps.ts');
  const { createFieldCipher } = await import('../src/server/db/fieldCipher.ts');
  const { hashPassword } = await import('../src/server/platform/auth/passwords.ts');
  const { ensureDivisions } = await import('../src/server/demo/seed.ts');
  const { todayInShanghai } = await import('../src/domain/dates/shanghai.ts');
  const { fund } = await import('../src/domain/subsidies/ledger.ts');
  const { appendEntries } = await import('../src/server/modules/subsidies/common/ledger.ts');
  const { issueVouchers } = await import('../src/server/modules/subsidies/vouchers/issue.ts');
  const { lockProgram } = await import('../src/server/modules/subsidies/programs/queries.ts');

  const postgres = process.env.REDEEM_BENCH_DIALECT === 'postgres';
  const database = postgres
    ? await openPostgres({ url: process.env.REDEEM_BENCH_PG_URL as string, schema: process.env.REDEEM_BENCH_PG_SCHEMA as string })
    : await openPGlite({});
  await migrate(database);
  const config = testConfig({ rateLimitPerMinute: 1_000_000_000, webDistDir: '/nonexistent', logLevel: 'silent' });
  const deps = { database, db: database.db, config, clock: systemClock, cipher: createFieldCipher(Buffer.alloc(32, 1)) };
  await ensureDivisions(deps);
  const started = Date.now();
  const now = new Date();
  const today = todayInShanghai(now);
  const db = database.db;
  const township = '320706006';
  const password = await hashPassword('bench-pass-2026');
  const institution = await db
    .insertInto('institutions')
    .values({ name: '压测托育园', division_code: township, status: 'filed' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const cls = await db
    .insertInto('institution_classes')
    .values({
      institution_id: institution.id,
      class_type: 'toddler',
      name: '托小班',
      capacity: 15,
      filed_class_type: 'toddler',
      filed_name: '托小班',
      filed_capacity: 15,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const user = async (phone: string, role: 'institution_admin' | 'city_official' | 'parent') => {
    const u = await db.insertInto('users').values({ phone, name: role, password_hash: password }).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('user_roles')
      .values({
        user_id: u.id,
        role,
        institution_id: role === 'institution_admin' ? institution.id : null,
        division_code: role === 'city_official' ? '320700' : null,
      })
      .execute();
    return { id: u.id, phone };
  };
  const director = await user('13800000001', 'institution_admin');
  const city = await user('13800000002', 'city_official');
  const parent = await user('13800000003', 'parent');
  const year = today.slice(0, 4);
  const face = 50_000;
  const program = await db.transaction().execute(async (trx) => {
    const p = await trx
      .insertInto('voucher_programs')
      .values({
        name: '压测补贴券',
        division_code: '320700',
        status: 'open',
        budget_fen: VOUCHERS * face,
        face_value_fen: face,
        valid_from: `${year}-01-01`,
        valid_to: `${year}-12-31`,
        issuance: 'claim',
        residence_division_codes: ['320700'],
        unissued_fen: VOUCHERS * face,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await appendEntries(trx, p.id, 'fund', [{ transfers: fund(VOUCHERS * face), refs: {} }], now);
    return p;
  });
  const items: { code: string; statementId: string }[] = [];
  for (let done = 0; done < VOUCHERS; done += 1_000) {
    const n = Math.min(1_000, VOUCHERS - done);
    const children = await db
      .insertInto('children')
      .values(
        Array.from({ length: n }, (_, i) => ({
          name: `压测${done + i}`,
          sex: 'female',
          birth_date: '2025-03-01',
          residence_division_code: township,
          created_by: parent.id,
        })),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('child_guardians')
      .values(
        children.map((c) => ({ child_id: c.id, user_id: parent.id, relation: 'mother', consent_version: 'bench', consented_at: now })),
      )
      .execute();
    await db
      .insertInto('enrolments')
      .values(children.map((c) => ({ child_id: c.id, institution_id: institution.id, class_id: cls.id, start_date: '2025-09-01' })))
      .execute();
    const statements = await db
      .insertInto('fee_statements')
      .values(
        children.map((c) => ({
          child_id: c.id,
          institution_id: institution.id,
          month: today.slice(0, 7),
          class_id: cls.id,
          class_type: 'toddler',
          monthly_fee_fen: 200_000,
          service_days: 21,
          charged_days: 21,
          absent_days: 0,
          refund_after_days: 0,
          refund_percent: 0,
          subtotal_fen: 200_000,
          generated_at: now,
        })),
      )
      .returning(['id', 'child_id'])
      .execute();
    await db.transaction().execute(async (trx) => {
      const locked = await lockProgram(trx, program.id);
      if (!locked) throw new Error('no program');
      await issueVouchers(
        trx,
        locked,
        children.map((c) => ({ childId: c.id, claimedBy: parent.id })),
        'claim',
        now,
      );
    });
    const vouchers = await db
      .selectFrom('vouchers')
      .select(['code', 'child_id'])
      .where(
        'child_id',
        'in',
        children.map((c) => c.id),
      )
      .execute();
    const statementOf = new Map(statements.map((s) => [s.child_id, s.id]));
    for (const v of vouchers) items.push({ code: v.code, statementId: statementOf.get(v.child_id) as string });
  }
  const seedMs = Date.now() - started;
  const app = await buildApp(deps);
  const login = async (phone: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { phone, password: 'bench-pass-2026' } });
    const cookie = res.cookies.find((c) => c.name === 'tuoyu_session');
    if (!cookie) throw new Error(`bench sign-in failed: ${res.body}`);
    return `tuoyu_session=${cookie.value}`;
  };
  const ready = { seedMs, director: await login(director.phone), city: await login(city.phone), programId: program.id, items };
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ ...ready, port: typeof address === 'object' && address ? address.port : 0 });
  process.on('SIGTERM', async () => {
    await app.close();
    await database.close();
    process.exit(0);
  });
}

if (process.env.REDEEM_BENCH_SERVER) await serve();
