import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Config } from '../server/config.ts';
import { dataDirHolder, openPGlite, openPostgres } from '../server/db/connect.ts';
import { snapshotFromServer } from '../server/db/liveBackup.ts';

/**
 * One tar file holding everything a tuoyu installation keeps: the database (PGlite's data
 * folder as a snapshot, or a `pg_dump` custom-format archive), the uploaded files under
 * DATA_DIR/files, and DATA_DIR/field.key and audit.key when the keys live there (without the
 * first the restored ID numbers could not be read, so the archive must be kept as secret as the
 * database; without the second the audit checkpoints signed so far could not be checked).
 */
const KEY_FILES = ['field.key', 'audit.key'];
const FORMAT = 'tuoyu-backup';
const VERSION = 1;
type Kind = 'pglite' | 'postgres';
type Manifest = { format: string; version: number; kind: Kind; createdAt: string };

const kindOf = (config: Config): Kind => (config.databaseUrl ? 'postgres' : 'pglite');

export class BackupError extends Error {
  override name = 'BackupError';
}

export async function backup(config: Config, file: string): Promise<string> {
  const target = path.resolve(file);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-backup-'));
  try {
    const kind = kindOf(config);
    if (kind === 'pglite') {
      // The embedded database has one process: a running server takes the snapshot itself.
      const server = dataDirHolder(config.dataDir);
      const snapshot = server
        ? await snapshotFromServer(config.dataDir, server, config.backupWaitSeconds * 1000)
        : await ownSnapshot(config);
      fs.writeFileSync(path.join(work, 'database.tar'), snapshot);
    } else {
      // pg_dump takes one snapshot in one transaction, so the servers may keep running.
      tool('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        '--file',
        path.join(work, 'database.dump'),
        '--dbname',
        url(config),
      ]);
    }
    const files = path.join(config.dataDir, 'files');
    // Files in a bucket are kept by the store (its versioning or replication), not copied here.
    if (config.fileStorage.kind === 'disk' && fs.existsSync(files)) {
      // Half-written uploads (*.part) are never referenced; a crash may have left some.
      fs.cpSync(files, path.join(work, 'files'), { recursive: true, filter: (src) => !src.endsWith('.part') });
    }
    for (const name of KEY_FILES) {
      const key = path.join(config.dataDir, name);
      if (fs.existsSync(key)) fs.copyFileSync(key, path.join(work, name));
    }
    const manifest: Manifest = { format: FORMAT, version: VERSION, kind, createdAt: new Date().toISOString() };
    fs.writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${target}.part`;
    tool('tar', ['-cf', partial, '-C', work, '.']);
    fs.chmodSync(partial, 0o600);
    fs.renameSync(partial, target);
    const database = kind === 'pglite' ? 'embedded database' : 'PostgreSQL database';
    if (config.fileStorage.kind === 's3') {
      return `backup of the ${database} written to ${target}; uploaded files stay in bucket ${config.fileStorage.bucket} — keep them with the store's own versioning or replication`;
    }
    return `backup of the ${database} and uploaded files written to ${target}`;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function ownSnapshot(config: Config): Promise<Buffer> {
  const database = await openPGlite({ dataDir: config.dataDir });
  try {
    return Buffer.from(await (await (database.dump as () => Promise<Blob>)()).arrayBuffer());
  } finally {
    await database.close();
  }
}

export async function restore(config: Config, file: string): Promise<string> {
  const source = path.resolve(file);
  if (!fs.existsSync(source)) throw new BackupError(`No backup file at ${source}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-restore-'));
  try {
    try {
      tool('tar', ['-xf', source, '-C', work]);
    } catch (err) {
      throw new BackupError(`This file is not a tuoyu backup (not a tar archive): ${(err as Error).message}`);
    }
    const manifest = readManifest(work);
    const kind = kindOf(config);
    if (manifest.kind !== kind) {
      throw new BackupError(
        manifest.kind === 'postgres'
          ? 'This backup is of a PostgreSQL database: set DATABASE_URL to the (empty) database to restore into.'
          : 'This backup is of the embedded database: unset DATABASE_URL and set DATA_DIR to an empty folder.',
      );
    }
    await refuseUnlessEmpty(config, kind, work);

    if (kind === 'pglite') {
      const snapshot = fs.readFileSync(path.join(work, 'database.tar'));
      const database = await openPGlite({ dataDir: config.dataDir, loadFrom: new Blob([snapshot]) });
      await database.close();
    } else {
      tool('pg_restore', [
        '--no-owner',
        '--no-privileges',
        '--exit-on-error',
        '--single-transaction',
        '--dbname',
        url(config),
        path.join(work, 'database.dump'),
      ]);
    }
    if (fs.existsSync(path.join(work, 'files'))) {
      fs.cpSync(path.join(work, 'files'), path.join(config.dataDir, 'files'), { recursive: true });
    }
    for (const name of KEY_FILES) {
      const key = path.join(work, name);
      const ownKey = path.join(config.dataDir, name);
      if (fs.existsSync(key) && !fs.existsSync(ownKey)) {
        fs.mkdirSync(config.dataDir, { recursive: true });
        fs.copyFileSync(key, ownKey);
        fs.chmodSync(ownKey, 0o600);
      }
    }
    return `restored the backup of ${manifest.createdAt} (${kind === 'pglite' ? 'embedded database' : 'PostgreSQL'}) and its uploaded files`;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

function readManifest(work: string): Manifest {
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(work, 'manifest.json'), 'utf8'));
  } catch {
    throw new BackupError('This file is not a tuoyu backup (no manifest.json inside).');
  }
  if (manifest.format !== FORMAT || manifest.version !== VERSION || (manifest.kind !== 'pglite' && manifest.kind !== 'postgres')) {
    throw new BackupError(`This file is not a tuoyu backup of a version this program reads (format ${FORMAT} ${VERSION}).`);
  }
  return manifest as Manifest;
}

/** Restoring over live data would mix two installations; only an empty target is accepted. */
async function refuseUnlessEmpty(config: Config, kind: Kind, work: string) {
  const refuse = (what: string) =>
    new BackupError(`Refusing to restore: ${what}. Restore only into an empty database and an empty data folder.`);
  const nonEmpty = (dir: string) => fs.existsSync(dir) && fs.readdirSync(dir).length > 0;
  if (kind === 'pglite' && nonEmpty(path.join(config.dataDir, 'pglite'))) {
    throw refuse(`${path.join(config.dataDir, 'pglite')} already holds a database`);
  }
  if (kind === 'postgres') {
    const database = await openPostgres({ url: url(config), poolSize: 1 });
    try {
      const rows = await database.withScriptSession(1, (run) =>
        run(`select count(*)::int as n from pg_tables where schemaname not in ('pg_catalog', 'information_schema')`),
      );
      if (Number(rows[0]?.n) > 0) throw refuse('the PostgreSQL database at DATABASE_URL already has tables');
    } finally {
      await database.close();
    }
  }
  if (nonEmpty(path.join(config.dataDir, 'files'))) throw refuse(`${path.join(config.dataDir, 'files')} already holds uploaded files`);
  for (const name of KEY_FILES) {
    const key = path.join(work, name);
    const ownKey = path.join(config.dataDir, name);
    if (fs.existsSync(key) && fs.existsSync(ownKey) && fs.readFileSync(key, 'utf8').trim() !== fs.readFileSync(ownKey, 'utf8').trim()) {
      throw refuse(`${ownKey} holds a different key than the backup`);
    }
  }
}

function url(config: Config) {
  return config.databaseUrl as string;
}

function tool(command: string, args: string[]) {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new BackupError(
      command === 'tar'
        ? 'The `tar` program is needed for backups; install it.'
        : `\`${command}\` was not found: install the PostgreSQL client tools of the server's major version (or newer).`,
    );
  }
  if (result.status !== 0) throw new BackupError(`${command} failed: ${(result.stderr || result.error?.message || '').trim()}`);
}
