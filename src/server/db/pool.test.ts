import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/harness/app.ts';
import { DIALECTS } from '../../../test/harness/db.ts';
import { signal } from '../../../test/harness/signal.ts';
import { buildApp } from '../app.ts';
import { openPostgres } from './connect.ts';

// PostgreSQL only: PGlite has one connection and queues without a limit.
for (const dialect of DIALECTS.filter((d) => d === 'postgres')) {
  describe(`a full connection pool on ${dialect}`, () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await buildTestApp(dialect);
    });
    afterAll(() => t.close());

    it('answers 503 "busy, retry" in the caller’s language, not 500, when no connection frees up in time', async () => {
      const shared = t.database.postgres as NonNullable<typeof t.database.postgres>;
      const small = await openPostgres({ ...shared, poolSize: 1, connectionTimeoutMs: 300 });
      const app = await buildApp({ ...t.deps, database: small, db: small.db });
      await app.ready();
      const release = signal();
      const taken = signal();
      try {
        const holder = small.db.transaction().execute(async () => {
          taken.fire();
          await release.fired;
        });
        await taken.fired;
        const res = await app.inject({ method: 'GET', url: '/api/v1/divisions', headers: { 'accept-language': 'zh-CN' } });
        expect(res.statusCode).toBe(503);
        expect(res.headers['retry-after']).toBe('2');
        expect(res.json().error).toMatchObject({ code: 'SERVER_BUSY', message: '当前办理人数较多，请稍后重试' });
        release.fire();
        await holder;
        expect((await app.inject({ method: 'GET', url: '/api/v1/divisions' })).statusCode).toBe(200);
      } finally {
        release.fire();
        await app.close();
        await small.close();
      }
    });
  });
}
