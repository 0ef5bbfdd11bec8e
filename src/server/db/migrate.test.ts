import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, openTestDatabase } from '../../../test/harness/db.ts';
import { type Database, openPGlite, openPostgres } from './connect.ts';
import { generateSchema } from './generateSchema.ts';
import { migrate, readMigrations } from './migrate.ts';

describe('migrations', () => {
  it('are numbered, unique and applied in order', () => {
    const names = readMigrations().map((m) => m.name);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names.map((n) => n.slice(0, 4))).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
  });

  it('src/server/db/schema.ts matches the migrated database', async () => {
    const database = await openPGlite({});
    try {
      await migrate(database);
      const committed = fs.readFileSync(new URL('./schema.ts', import.meta.url), 'utf8');
      expect(committed, 'run `npm run db:schema`').toBe(await generateSchema(database));
    } finally {
      await database.close();
    }
  });
});

describe.each(DIALECTS)('migrate on %s', (dialect) => {
  const open: Database[] = [];
  afterAll(async () => {
    for (const d of open.reverse()) await d.close();
  });

  it('does nothing when up to date, and refuses a migration edited after it was applied', async () => {
    const database = await openTestDatabase(dialect);
    open.push(database);
    expect(await migrate(database)).toEqual([]);
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'x'.repeat(64) } : m));
    await expect(migrate(database, edited)).rejects.toThrow(/0001_geography\.sql was changed after it was applied/);
  });

  it('rolls back a failing migration entirely', async () => {
    const database = await openTestDatabase(dialect);
    open.push(database);
    const broken = [
      ...readMigrations(),
      { name: '9999_broken.sql', sql: 'create table half_done (id int); select * from no_such_table;', checksum: 'b'.repeat(64) },
    ];
    await expect(migrate(database, broken)).rejects.toThrow(/9999_broken\.sql failed/);
    const tables = await database.db.introspection.getTables();
    expect(tables.map((t) => t.name)).not.toContain('half_done');
    expect(await migrate(database)).toEqual([]);
  });
});

// Only where PostgreSQL is under test: PGlite is one process by design.
if (DIALECTS.includes('postgres')) {
  describe('concurrent start', () => {
    it('lets two processes start at once on PostgreSQL: one migrates, the other waits', async () => {
      const first = await openTestDatabase('postgres');
      // A second, empty schema migrated by two connections at the same time.
      const url = process.env.TEST_DATABASE_URL as string;
      const schema = `${first.postgres!.schema}_b`;
      await first.withScriptSession(1, (run) => run(`create schema ${schema}`));
      const a = await openPostgres({ url, schema });
      const b = await openPostgres({ url, schema });
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([ra.length, rb.length].sort()).toEqual([0, readMigrations().length]);
      await a.close();
      await b.close();
      await first.withScriptSession(1, (run) => run(`drop schema ${schema} cascade`));
      await first.close();
    });
  });
}
