import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { inject } from 'vitest';
import { type Database, openPGlite, openPostgres } from '../../src/server/db/connect.ts';
import { migrate } from '../../src/server/db/migrate.ts';

export type Dialect = 'pglite' | 'postgres';

/**
 * Every integration suite runs on PGlite, and on PostgreSQL too when TEST_DATABASE_URL is set
 * (CI sets it). `DIALECTS=pglite` narrows a local run.
 */
export const DIALECTS: Dialect[] = (['pglite', 'postgres'] as const).filter((d) => {
  if (d === 'postgres' && !process.env.TEST_DATABASE_URL) return false;
  const only = process.env.DIALECTS?.split(',');
  return !only || only.includes(d);
});

export type TestDatabase = Database & {
  dialect: Dialect;
  /** PostgreSQL only: where a second server process would connect to share this database. */
  postgres?: { url: string; schema: string; connectionTimeoutMs: number };
};

/** A migrated database of its own: PGlite copied from the template, or a fresh PostgreSQL schema. */
export async function openTestDatabase(dialect: Dialect, options: { poolSize?: number } = {}): Promise<TestDatabase> {
  if (dialect === 'pglite') {
    const template = fs.readFileSync(inject('pgliteTemplate'));
    const database = await openPGlite({ loadFrom: new Blob([template]) });
    return { ...database, dialect };
  }
  const url = process.env.TEST_DATABASE_URL as string;
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = await openPostgres({ url, poolSize: 1 });
  await admin.withScriptSession(1, (run) => run(`create schema ${schema}`));
  await admin.close();
  // Races queue hundreds of requests behind ten connections on a machine shared with other test
  // files; they must wait their turn, not fail on the production wait limit.
  const shared = { url, schema, connectionTimeoutMs: 60_000 };
  const database = await openPostgres({ ...shared, poolSize: options.poolSize ?? 10 });
  await migrate(database);
  return {
    ...database,
    dialect,
    postgres: shared,
    async close() {
      await database.withScriptSession(1, (run) => run(`drop schema ${schema} cascade`)).catch(() => {});
      await database.close();
    },
  };
}
