import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TEST_AUDIT_SIGNING_KEY, TEST_FIELD_KEY, testCipher } from '../../../../test/harness/cipher.ts';
import { DIALECTS, type Dialect, openTestDatabase } from '../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../test/harness/factories/geography.ts';
import { createInstitution } from '../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { type ServerProcess, spawnServer, urlWithSchema } from '../../../../test/harness/processes.ts';
import { addDaysIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { buildApp } from '../../app.ts';
import { testConfig } from '../../config.ts';
import { type Database, openPGlite } from '../../db/connect.ts';
import { systemClock } from '../../deps.ts';
import { checkpointKeyFromSeed } from './checkpointKey.ts';
import { verifyAuditLog } from './verify.ts';

// A server killed with SIGKILL in the middle of a check-in rush loses only what it had not
// answered: after a restart every check-in answered 2xx is in the attendance table with its audit
// entry, no entry speaks of a check-in that is not there, and the sealer chains what the killed
// process left unsealed into a log that verifies. The server is the real one, in its own process.

const CHILDREN = 30;
const DAYS = 8;
const KILL_AFTER = 60;
const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));

type World = { env: Record<string, string>; cookie: string; childIds: string[]; open(): Promise<Database>; close(): Promise<void> };

/** An institution, its caregiver signed in, and children enrolled for the last month, written through an in-process app. */
async function fill(database: Database) {
  const app = await buildApp({
    database,
    db: database.db,
    config: testConfig({ webDistDir: '/nonexistent', auditSigningKey: TEST_AUDIT_SIGNING_KEY }),
    clock: systemClock,
    cipher: testCipher,
  });
  try {
    const db = database.db;
    const { townshipCodes } = await createDistrict(db, '断电区');
    const institution = await createInstitution(db, townshipCodes[0] as string, '断电托育园');
    const caregiver = await createUser(db, { role: 'caregiver', institutionId: institution.id });
    const startDate = addDaysIso(todayInShanghai(new Date()), -30);
    const childIds: string[] = [];
    for (let i = 0; i < CHILDREN; i++) childIds.push((await createEnrolledChild(db, { institutionId: institution.id, startDate })).childId);
    return { cookie: await signIn(app, caregiver.phone), childIds };
  } finally {
    await app.close();
  }
}

const common = { FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY, RATE_LIMIT_PER_MINUTE: '100000' };

async function world(dialect: Dialect): Promise<World> {
  if (dialect === 'postgres') {
    const database = await openTestDatabase('postgres');
    const { url, schema } = database.postgres as { url: string; schema: string };
    return {
      ...(await fill(database)),
      env: { ...common, DATABASE_URL: urlWithSchema(url, schema) },
      open: async () => database,
      close: database.close,
    };
  }
  // The embedded database on disk, as a server keeps it: filled here, closed, then the server's.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-rush-'));
  const database = await openPGlite({ dataDir, loadFrom: new Blob([fs.readFileSync(inject('pgliteTemplate'))]) });
  const filled = await fill(database);
  await database.close();
  let reopened: Database | undefined;
  return {
    ...filled,
    env: { ...common, DATA_DIR: dataDir },
    open: async () => {
      reopened ??= await openPGlite({ dataDir });
      return reopened;
    },
    close: async () => {
      await reopened?.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`kill -9 during the check-in rush on ${dialect}`, () => {
    let w: World;
    let server: ServerProcess | undefined;

    beforeAll(async () => {
      w = await world(dialect);
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
      await w?.close();
    });

    it('keeps every answered check-in with its audit entry, and the log verifies after the restart', async () => {
      server = await spawnServer({ env: w.env });
      const yesterday = addDaysIso(todayInShanghai(new Date()), -1);
      const checkIns = w.childIds.flatMap((childId) =>
        Array.from({ length: DAYS }, (_, d) => ({ childId, day: addDaysIso(yesterday, -d) })),
      );
      const answered: typeof checkIns = [];
      const killed = server.exited;
      let queue = 0;
      // Twenty clients at once, each taking the next check-in until the server is gone.
      const client = async (running: ServerProcess) => {
        for (;;) {
          const checkIn = checkIns[queue++];
          if (!checkIn) return;
          const res = await running
            .request('PUT', `/api/v1/children/${checkIn.childId}/attendance/${checkIn.day}`, {
              cookie: w.cookie,
              body: { status: 'present', checkedInAt: `${checkIn.day}T07:45:00+08:00` },
            })
            .catch(() => undefined);
          if (!res) return;
          expect(res.status, JSON.stringify(res.body)).toBe(200);
          answered.push(checkIn);
          if (answered.length === KILL_AFTER) process.kill(running.pid, 'SIGKILL');
        }
      };
      await Promise.all(Array.from({ length: 20 }, () => client(server as ServerProcess)));
      await killed;
      await server.stop();
      expect(answered.length).toBeGreaterThanOrEqual(KILL_AFTER);
      expect(answered.length).toBeLessThan(checkIns.length);

      // The restarted server's sealer chains what the killed one committed; its graceful stop seals the rest.
      server = await spawnServer({ env: w.env });
      if (dialect === 'postgres') {
        const db = (await w.open()).db;
        await expect
          .poll(async () => (await db.selectFrom('audit_log').select('id').where('seq', 'is', null).execute()).length, { timeout: 20_000 })
          .toBe(0);
      }
      expect(await server.stop()).toBe(0);

      const db = (await w.open()).db;
      const rows = await db.selectFrom('attendance').select(['child_id', 'day']).execute();
      const entries = await db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'attendance.record').execute();
      const keyOf = (childId: string | null, day: string) => `${childId} ${day}`;
      const stored = new Set(rows.map((r) => keyOf(r.child_id, r.day)));
      const audited = entries.map((e) => keyOf(e.entity_id, (e.detail as { day: string }).day));
      for (const c of answered) expect(stored, 'an answered check-in was lost').toContain(keyOf(c.childId, c.day));
      expect(new Set(audited), 'an answered check-in has no audit entry').toEqual(stored);
      expect(audited).toHaveLength(stored.size);
      const verified = await verifyAuditLog(db, { publicKeys: { [key.keyId]: key.publicKeyPem } });
      expect(verified).toMatchObject({ ok: true, unsealed: 0 });
      expect(verified.checked).toBeGreaterThanOrEqual(answered.length);
    }, 300_000);
  });
}
