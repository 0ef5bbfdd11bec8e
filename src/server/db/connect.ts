import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { cube } from '@electric-sql/pglite/contrib/cube';
import { earthdistance } from '@electric-sql/pglite/contrib/earthdistance';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgListeners } from './pgListener.ts';
import { PGliteDialect } from './pgliteDialect.ts';
import type { DB } from './schema.ts';

export type DatabaseKind = 'pglite' | 'postgres';

/**
 * Runs a multi-statement SQL script on the one connection held by the session and returns the
 * rows of its last statement.
 */
export type ScriptRunner = (script: string) => Promise<Record<string, unknown>[]>;

export type Database = {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** One connection for a sequence of scripts; on PostgreSQL it holds a session advisory lock. */
  withScriptSession<T>(lockKey: number, fn: (run: ScriptRunner) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** PGlite only: a snapshot that `openPGlite({ loadFrom })` starts from. */
  dump?: () => Promise<Blob>;
  /**
   * NOTIFY on `channel` calls `onPayload`. On PGlite before the committing query returns to its
   * caller: its one session belongs to this process, so no commit escapes it. On PostgreSQL
   * shortly after the commit, through a connection that reconnects when lost; `onState(false)`
   * says notifications may be missed until `onState(true)`.
   */
  listen(channel: string, onPayload: (payload: string) => void, onState?: (listening: boolean) => void): Promise<void>;
};

// Dates stay 'YYYY-MM-DD' strings (a JS Date would shift them by the process time zone);
// int8 counts and sums fit a double for every figure tuoyu keeps (fen up to 9e15).
const INT8 = 20;
const DATE = 1082;
const NUMERIC = 1700;

export type PostgresOptions = {
  url: string;
  schema?: string;
  poolSize?: number;
  /** How long a request may wait for a free connection before it fails (a burst beyond the pool). */
  connectionTimeoutMs?: number;
};

export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const connection = {
    connectionString: options.url,
    ...(options.schema ? { options: `-c search_path=${options.schema},public` } : {}),
  };
  const pool = new pg.Pool({
    ...connection,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8) return (v: string) => Number(v);
        if (oid === DATE) return (v: string) => v;
        return pg.types.getTypeParser(oid, format);
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server must not crash the process; the next query reports it.
  pool.on('error', () => {});
  await assertReachable(pool, options.url);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const listeners = pgListeners(connection);
  return {
    db,
    kind: 'postgres',
    listen: listeners.listen,
    async withScriptSession(lockKey, fn) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [lockKey]);
        try {
          return await fn(async (script) => {
            const result = (await client.query(script)) as pg.QueryResult | pg.QueryResult[];
            return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
          });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [lockKey]);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await listeners.close();
      await db.destroy();
    },
  };
}

async function assertReachable(pool: pg.Pool, url: string) {
  try {
    const client = await pool.connect();
    client.release();
  } catch (err) {
    await pool.end().catch(() => {});
    const where = safeUrl(url);
    throw new DatabaseUnreachableError(`Cannot reach PostgreSQL at ${where}: ${(err as Error).message}`);
  }
}

export class DatabaseUnreachableError extends Error {
  override name = 'DatabaseUnreachableError';
}

function safeUrl(url: string) {
  try {
    const u = new URL(url);
    u.password = u.password ? '***' : '';
    return u.toString();
  } catch {
    return '(unparsable DATABASE_URL)';
  }
}

export type PGliteOptions = {
  /** tuoyu's data folder (the database lives in its `pglite/`); omit for an in-memory database. */
  dataDir?: string;
  /** A `Database.dump()` snapshot to start from (tests copy a migrated template this way). */
  loadFrom?: Blob;
};

export async function openPGlite(options: PGliteOptions): Promise<Database> {
  let unlock = () => {};
  if (options.dataDir) {
    fs.mkdirSync(options.dataDir, { recursive: true });
    unlock = lockDataDir(options.dataDir);
  }
  let pglite: PGlite;
  try {
    pglite = await PGlite.create({
      ...(options.dataDir ? { dataDir: path.join(options.dataDir, 'pglite') } : {}),
      ...(options.loadFrom ? { loadDataDir: options.loadFrom } : {}),
      relaxedDurability: !options.dataDir,
      // The migrations use trigram indexes and earthdistance; PostgreSQL ships both in contrib.
      extensions: { pg_trgm, cube, earthdistance },
      parsers: { [INT8]: (v: string) => Number(v), [DATE]: (v: string) => v, [NUMERIC]: (v: string) => v },
    });
  } catch (err) {
    unlock();
    throw err;
  }
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    withScriptSession: (_lockKey, fn) =>
      // Holding a Kysely connection holds the dialect's mutex, so nothing interleaves.
      db.connection().execute(() => fn(async (script) => ((await pglite.exec(script)).at(-1)?.rows ?? []) as Record<string, unknown>[])),
    async close() {
      await db.destroy();
      unlock();
    },
    // Through the dialect's mutex: a snapshot never holds half a transaction.
    dump: () => db.connection().execute(() => pglite.dumpDataDir('none') as Promise<Blob>),
    // Through the dialect's mutex, so LISTEN never lands inside another caller's transaction.
    listen: (channel, onPayload, onState) =>
      db.connection().execute(async () => {
        await pglite.listen(channel, onPayload);
        onState?.(true);
      }),
  };
}

/** The live process other than this one that holds an embedded database folder, if any. */
export function dataDirHolder(dir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dir, 'tuoyu.pid'), 'utf8'));
    return pid && pid !== process.pid && isAlive(pid) ? pid : null;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Two processes on one PGlite folder would corrupt it; refuse with a clear message instead. */
function lockDataDir(dir: string) {
  const lockFile = path.join(dir, 'tuoyu.pid');
  const pid = dataDirHolder(dir);
  if (pid) {
    throw new Error(
      `The embedded database in ${dir} is in use by process ${pid}. ` +
        'Stop that process, point DATA_DIR elsewhere, or use PostgreSQL (DATABASE_URL) for several processes.',
    );
  }
  fs.writeFileSync(lockFile, String(process.pid));
  return () => fs.rmSync(lockFile, { force: true });
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
