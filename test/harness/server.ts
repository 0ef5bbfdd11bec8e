import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { type Config, testConfig } from '../../src/server/config.ts';
import { openPGlite } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';
import { seedDemo } from '../../src/server/demo/seed.ts';
import { type Deps, systemClock } from '../../src/server/deps.ts';
import { TEST_AUDIT_SIGNING_KEY, testCipher } from './cipher.ts';

export type TestServer = { url: string; app: FastifyInstance; deps: Deps; close(): Promise<void> };

/**
 * A real HTTP server on a free port, serving the built web app, on an in-memory database with
 * the demo seeded — what a newcomer gets from `npm start`, for the browser journeys. `config`
 * sets what an operator would (a tile server for the map).
 */
export async function startTestServer(config: Partial<Config> = {}): Promise<TestServer> {
  const database = await openPGlite({});
  await migrate(database);
  const deps: Deps = {
    database,
    db: database.db,
    config: testConfig({
      webDistDir: path.resolve(import.meta.dirname, '../../dist/web'),
      rateLimitPerMinute: 100_000,
      loginRateLimitPerMinute: 100_000,
      auditSigningKey: TEST_AUDIT_SIGNING_KEY,
      ...config,
    }),
    clock: systemClock,
    cipher: testCipher,
  };
  await seedDemo(deps);
  const app = await buildApp(deps);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    deps,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
