// The server under load in its own process, so the load generator does not share its event loop.
// Started by search.bench.ts with BENCH_DIALECT (pglite | postgres) and, for PostgreSQL,
// BENCH_PG_URL and BENCH_PG_SCHEMA; reports { port, seedMs } over IPC when listening.

import { todayInShanghai } from '../src/domain/dates/shanghai.ts';
import { buildApp } from '../src/server/app.ts';
import { testConfig } from '../src/server/config.ts';
import { openPGlite, openPostgres } from '../src/server/db/connect.ts';
import { createFieldCipher } from '../src/server/db/fieldCipher.ts';
import { migrate } from '../src/server/db/migrate.ts';
import { ensureDivisions } from '../src/server/demo/seed.ts';
import { type Deps, systemClock } from '../src/server/deps.ts';
import { seedSearchData } from './searchData.ts';

const postgres = process.env.BENCH_DIALECT === 'postgres';
const database = postgres
  ? await openPostgres({ url: process.env.BENCH_PG_URL as string, schema: process.env.BENCH_PG_SCHEMA as string })
  : await openPGlite({});
await migrate(database);
const config = testConfig({ rateLimitPerMinute: 1_000_000_000, webDistDir: '/nonexistent', logLevel: 'silent' });
// No sensitive fields are read here; a throwaway key will do.
const deps: Deps = { database, db: database.db, config, clock: systemClock, cipher: createFieldCipher(Buffer.alloc(32, 1)) };
await ensureDivisions(deps);
const started = Date.now();
const now = new Date();
await seedSearchData(database.db, todayInShanghai(now), now);
const seedMs = Date.now() - started;
const app = await buildApp(deps);
// Time inside the server, from the request's arrival to the reply, to tell apart the server's
// queueing from what the load generator sees on a busy machine.
let elapsed: number[] = [];
app.addHook('onResponse', async (_request, reply) => {
  elapsed.push(reply.elapsedTime);
});
// Writes that change what searches show, from inside the server (PGlite is this process's).
let writes = 0;
let writer: NodeJS.Timeout | undefined;
const classes = (await database.db.selectFrom('institution_classes').select('id').where('filed_capacity', 'is not', null).execute()).map(
  (c) => c.id,
);
process.on('message', (message) => {
  if (message === 'writes:on') {
    writes = 0;
    writer = setInterval(() => {
      const id = classes[Math.floor(Math.random() * classes.length)] as string;
      void database.db
        .updateTable('institution_classes')
        .set((eb) => ({ filed_capacity: eb('filed_capacity', '+', 0) }))
        .where('id', '=', id)
        .execute()
        .then(() => {
          writes += 1;
        });
    }, 50);
    process.send?.('ok');
    return;
  }
  if (message === 'writes:off') {
    clearInterval(writer);
    process.send?.({ writes });
    return;
  }
  if (message !== 'stats') return;
  const sorted = elapsed.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0);
  process.send?.({ p50: at(0.5), p99: at(0.99), max: at(1) });
  elapsed = [];
});
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
process.send?.({ port: typeof address === 'object' && address ? address.port : 0, seedMs });
process.on('SIGTERM', async () => {
  await app.close();
  await database.close();
  process.exit(0);
});
