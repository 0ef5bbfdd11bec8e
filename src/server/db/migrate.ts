import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Database } from './connect.ts';

export const MIGRATIONS_DIR = new URL('../../../migrations/', import.meta.url);

// Any constant works; it only has to be the same in every tuoyu process.
const MIGRATION_LOCK = 7_300_001;

export type Migration = { name: string; sql: string; checksum: string };

export function readMigrations(dir: URL = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(new URL(name, dir), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * Applies pending migrations in order, each in its own transaction. Several processes may start
 * at once: an advisory lock lets one migrate while the others wait and then find nothing to do.
 * A migration edited after it was applied stops the start — migrations are frozen once landed.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  return database.withScriptSession(MIGRATION_LOCK, async (run) => {
    await run(`create table if not exists schema_migrations (
      name text primary key,
      checksum text not null,
      applied_at timestamptz not null default now()
    )`);
    const applied = new Map((await run('select name, checksum from schema_migrations')).map((r) => [String(r.name), String(r.checksum)]));
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) {
          throw new Error(`Migration ${m.name} was changed after it was applied; add a new migration instead.`);
        }
        continue;
      }
      try {
        await run(`begin;\n${m.sql}\n;insert into schema_migrations (name, checksum) values ('${m.name}', '${m.checksum}');\ncommit;`);
      } catch (err) {
        await run('rollback').catch(() => {});
        throw new Error(`Migration ${m.name} failed: ${(err as Error).message}`);
      }
      done.push(m.name);
    }
    return done;
  });
}
