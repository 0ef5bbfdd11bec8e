import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';

describe.each(DIALECTS)('readiness on %s', (dialect) => {
  it('is ready on a migrated database, and not while a migration is still missing', async () => {
    const t = await buildTestApp(dialect);
    try {
      const ready = await t.app.inject({ url: '/api/v1/health/ready' });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: 'ready', database: 'ok', migrations: 'ok' });

      // What a process sees while another one is still inside the last migration's transaction.
      const last = await sql<{ name: string }>`select name from schema_migrations order by name desc limit 1`.execute(t.deps.db);
      await sql`delete from schema_migrations where name = ${last.rows[0]?.name}`.execute(t.deps.db);
      const migrating = await t.app.inject({ url: '/api/v1/health/ready' });
      expect(migrating.statusCode).toBe(503);
      expect(migrating.json()).toEqual({ status: 'not_ready', database: 'ok', migrations: 'pending' });
      // Liveness does not depend on migrations: the process is alive and should not be restarted.
      expect((await t.app.inject({ url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await t.close();
    }
  });

  it('is not ready once the database is gone', async () => {
    const t = await buildTestApp(dialect);
    await t.database.close();
    try {
      const res = await t.app.inject({ url: '/api/v1/health/ready' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'not_ready', database: 'unavailable', migrations: 'unknown' });
    } finally {
      await t.app.close();
    }
  });
});
