import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { type Config, testConfig } from '../../src/server/config.ts';
import type { Deps } from '../../src/server/deps.ts';
import { TEST_AUDIT_SIGNING_KEY, testCipher } from './cipher.ts';
import { type Dialect, openTestDatabase, type TestDatabase } from './db.ts';

/** Where a test app's clock starts: 10:00 in the city on 29 November 2026. */
export const TEST_START = new Date('2026-11-29T02:00:00Z');

/** A clock tests can move. */
export function testClock(start = TEST_START) {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    set: (d: Date) => {
      now = d.getTime();
    },
    advanceMinutes: (m: number) => {
      now += m * 60_000;
    },
  };
}

export type TestApp = {
  app: FastifyInstance;
  deps: Deps;
  database: TestDatabase;
  clock: ReturnType<typeof testClock>;
  close(): Promise<void>;
};

/** The real app on its own database, driven with `app.inject`. */
export async function buildTestApp(
  dialect: Dialect,
  overrides: Partial<Config> = {},
  options: { logStream?: NodeJS.WritableStream } = {},
): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const clock = testClock();
  const config = testConfig({
    rateLimitPerMinute: 100_000,
    loginRateLimitPerMinute: 100_000,
    webDistDir: '/nonexistent',
    auditSigningKey: TEST_AUDIT_SIGNING_KEY,
    ...overrides,
  });
  const deps: Deps = { database, db: database.db, config, clock, cipher: testCipher };
  const app = await buildApp(deps, options);
  await app.ready();
  return {
    app,
    deps,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
