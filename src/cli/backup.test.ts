import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, describe, expect, it } from 'vitest';
import { DIALECTS, type Dialect } from '../../test/harness/db.ts';
import { createDistrict } from '../../test/harness/factories/geography.ts';
import { createInstitution } from '../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../test/harness/factories/users.ts';
import { buildApp } from '../server/app.ts';
import { testConfig } from '../server/config.ts';
import { type Database, openPGlite, openPostgres } from '../server/db/connect.ts';
import { createFieldCipher } from '../server/db/fieldCipher.ts';
import { loadFieldKey } from '../server/db/fieldKey.ts';
import { answerBackupRequests } from '../server/db/liveBackup.ts';
import { migrate } from '../server/db/migrate.ts';
import { systemClock } from '../server/deps.ts';
import { loadCheckpointKey } from '../server/platform/audit/checkpointKey.ts';
import { sealAuditLog } from '../server/platform/audit/sealer.ts';

const root = path.resolve(import.meta.dirname, '../..');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

type Place = { dataDir: string; databaseUrl?: string };

function cli(place: Place, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    env: { ...process.env, DATA_DIR: place.dataDir, DATABASE_URL: place.databaseUrl ?? '', LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { code: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The app as the server runs it on this data folder (and database), with its own field key. */
async function serve(place: Place): Promise<{ app: FastifyInstance; database: Database; close(): Promise<void> }> {
  const config = testConfig({ ...place, webDistDir: '/nonexistent', rateLimitPerMinute: 100_000, loginRateLimitPerMinute: 100_000 });
  const database = place.databaseUrl ? await openPostgres({ url: place.databaseUrl }) : await openPGlite({ dataDir: place.dataDir });
  await migrate(database);
  const app = await buildApp({ database, db: database.db, config, clock: systemClock, cipher: createFieldCipher(loadFieldKey(config)) });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      // As the server does on its way down: what it wrote gets its seal and checkpoint.
      await sealAuditLog(database.db, loadCheckpointKey(config), { settleMs: 10_000 });
      await database.close();
    },
  };
}

function upload(app: FastifyInstance, cookie: string, institutionId: string) {
  const boundary = '----tuoyu-backup-boundary';
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="消防验收.pdf"\r\nContent-Type: application/pdf\r\n\r\n`;
  return app.inject({
    method: 'POST',
    url: `/api/v1/institutions/${institutionId}/files?kind=document&documentType=fire_safety`,
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([Buffer.from(head), PDF, Buffer.from(`\r\n--${boundary}--\r\n`)]),
  });
}

/** A fresh PostgreSQL database of its own (a backup holds a whole database, not a schema). */
async function postgresDatabase(created: string[]): Promise<string> {
  const admin = await openPostgres({ url: process.env.TEST_DATABASE_URL as string, poolSize: 1 });
  const name = `tuoyu_backup_${randomBytes(5).toString('hex')}`;
  await admin.withScriptSession(1, (run) => run(`create database ${name}`));
  await admin.close();
  created.push(name);
  const url = new URL(process.env.TEST_DATABASE_URL as string);
  url.pathname = `/${name}`;
  return url.toString();
}

describe.each(DIALECTS)('backup and restore on %s', (dialect: Dialect) => {
  const dirs: string[] = [];
  const databases: string[] = [];
  const place = async (): Promise<Place> => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-backup-test-'));
    dirs.push(dataDir);
    return dialect === 'postgres' ? { dataDir, databaseUrl: await postgresDatabase(databases) } : { dataDir };
  };
  afterAll(async () => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    if (databases.length === 0) return;
    const admin = await openPostgres({ url: process.env.TEST_DATABASE_URL as string, poolSize: 1 });
    for (const name of databases) await admin.withScriptSession(1, (run) => run(`drop database if exists ${name} with (force)`));
    await admin.close();
  });

  it('restores into an empty data folder: the same institution, the same file, a verifying audit log', async () => {
    const source = await place();
    const before = await serve(source);
    const district = await createDistrict(before.database.db, '备份区');
    const institution = await createInstitution(before.database.db, district.townshipCodes[0] as string, '备份托育园');
    const director = await createUser(before.database.db, { role: 'institution_admin', institutionId: institution.id });
    const uploaded = await upload(before.app, await signIn(before.app, director.phone), institution.id);
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const fileUrl: string = uploaded.json().url;
    await before.close();

    const archive = path.join(source.dataDir, '..', `${path.basename(source.dataDir)}.tar`);
    dirs.push(archive);
    const written = cli(source, 'backup', archive);
    expect(written, written.out).toMatchObject({ code: 0 });
    expect(fs.statSync(archive).size).toBeGreaterThan(0);

    const target = await place();
    const restored = cli(target, 'restore', archive);
    expect(restored, restored.out).toMatchObject({ code: 0, out: expect.stringContaining('restored the backup') });
    expect(cli(target, 'verify-audit')).toMatchObject({
      code: 0,
      out: expect.stringMatching(/audit chain intact: [1-9]\d* entries verified/),
    });

    const after = await serve(target);
    try {
      const cookie = await signIn(after.app, director.phone);
      const record = await after.app.inject({ url: `/api/v1/institutions/${institution.id}/record`, headers: { cookie } });
      expect(record.statusCode).toBe(200);
      expect(record.body).toContain('备份托育园');
      expect(record.json().documents.map((d: { id: string }) => d.id)).toEqual([uploaded.json().id]);
      const download = await after.app.inject({ url: fileUrl, headers: { cookie } });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(PDF)).toBe(true);
    } finally {
      await after.close();
    }

    const again = cli(target, 'restore', archive);
    expect(again.code).toBe(1);
    expect(again.out).toContain('Refusing to restore');
    expect(again.out).toContain('Restore only into an empty database and an empty data folder.');
  }, 180_000);

  it('says so when the file is not a backup', async () => {
    const target = await place();
    const notBackup = path.join(target.dataDir, 'notes.txt');
    fs.writeFileSync(notBackup, 'hello');
    const result = cli(target, 'restore', notBackup);
    expect(result.code).toBe(1);
    expect(result.out).toContain('This file is not a tuoyu backup');
  }, 60_000);
});

describe('backup of the embedded database', () => {
  /** Like cli(), without blocking this process: the test's own server must answer meanwhile. */
  function cliWhileServing(place: Place, env: Record<string, string>, ...args: string[]) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, DATA_DIR: place.dataDir, DATABASE_URL: '', LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.stderr.on('data', (d) => {
      out += d;
    });
    return new Promise<{ code: number | null; out: string }>((resolve) => child.on('close', (code) => resolve({ code, out })));
  }

  it('backs up while the server runs: it hands over a snapshot taken between transactions', async () => {
    const source = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-live-backup-')) };
    const target = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-live-restore-')) };
    const archive = `${source.dataDir}.tar`;
    const running = await serve(source);
    const stop = answerBackupRequests(
      running.database,
      source.dataDir,
      (err) => {
        throw err;
      },
      50,
    );
    try {
      const district = await createDistrict(running.database.db, '在线备份区');
      const institution = await createInstitution(running.database.db, district.townshipCodes[0] as string, '在线备份托育园');
      const written = await cliWhileServing(source, {}, 'backup', archive);
      expect(written, written.out).toMatchObject({ code: 0 });
      // The server kept serving throughout and still does.
      expect((await running.app.inject({ url: '/api/v1/health/ready' })).statusCode).toBe(200);
      stop();
      await running.close();
      expect(cli(target, 'restore', archive)).toMatchObject({ code: 0 });
      const restored = await openPGlite({ dataDir: target.dataDir });
      try {
        const row = await restored.db.selectFrom('institutions').select('name').where('id', '=', institution.id).executeTakeFirst();
        expect(row?.name).toBe('在线备份托育园');
      } finally {
        await restored.close();
      }
      expect(fs.readdirSync(source.dataDir).filter((name) => name.startsWith('backup-'))).toEqual([]);
    } finally {
      stop();
      for (const dir of [source.dataDir, target.dataDir, archive]) fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('says so when the process holding the data folder does not answer', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-backup-test-'));
    try {
      // A live process holding the folder that is not a server answering backups.
      fs.writeFileSync(path.join(dataDir, 'tuoyu.pid'), String(process.pid));
      const result = await cliWhileServing({ dataDir }, { BACKUP_WAIT_SECONDS: '1' }, 'backup', path.join(dataDir, 'backup.tar'));
      expect(result.code).toBe(1);
      expect(result.out).toContain(`is in use by process ${process.pid}, which did not answer a backup request within 1 s`);
      expect(fs.readdirSync(dataDir)).toEqual(['tuoyu.pid']);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});
