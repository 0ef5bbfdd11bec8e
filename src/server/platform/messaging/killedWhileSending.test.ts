import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { describe, expect, inject, it } from 'vitest';
import { TEST_FIELD_KEY } from '../../../../test/harness/cipher.ts';
import { DIALECTS, type Dialect, openTestDatabase } from '../../../../test/harness/db.ts';
import { createUser } from '../../../../test/harness/factories/users.ts';
import { type ServerProcess, spawnServer, urlWithSchema } from '../../../../test/harness/processes.ts';
import { startSmtp } from '../../../../test/harness/smtp.ts';
import { openPGlite } from '../../db/connect.ts';
import type { DB } from '../../db/schema.ts';
import { notify } from '../notifications/notify.ts';

const FAMILIES = 100;
/** The e-mail whose arrival sets off the kill: well into the run, far from its end. */
const KILL_AT = 40;
const MAIL_DOMAIN = 'tuoyu.example.cn';

/**
 * The database the server processes run on, opened by the test only while no server holds it
 * (the embedded one allows one process at a time).
 */
async function openStore(dialect: Dialect) {
  if (dialect === 'pglite') {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tuoyu-killed-'));
    const template = new Blob([fs.readFileSync(inject('pgliteTemplate'))]);
    let first = true;
    return {
      dataDir,
      env: {} as Record<string, string>,
      async use<T>(fn: (db: Kysely<DB>) => Promise<T>): Promise<T> {
        const database = await openPGlite({ dataDir, ...(first ? { loadFrom: template } : {}) });
        first = false;
        try {
          return await fn(database.db);
        } finally {
          await database.close();
        }
      },
      close: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const database = await openTestDatabase(dialect);
  const { url, schema } = database.postgres as { url: string; schema: string };
  return {
    dataDir: undefined,
    env: { DATABASE_URL: urlWithSchema(url, schema), FIELD_ENCRYPTION_KEY: TEST_FIELD_KEY },
    use: <T>(fn: (db: Kysely<DB>) => Promise<T>) => fn(database.db),
    close: () => database.close(),
  };
}

/** 100 parents with an e-mail address, each told of an offer: 100 SMS and 100 e-mails queued. */
async function queueOffers(db: Kysely<DB>) {
  const parents: { id: string; phone: string }[] = [];
  for (let i = 0; i < FAMILIES; i++) {
    const parent = await createUser(db, { role: 'parent' });
    await db
      .insertInto('notification_preferences')
      .values({ user_id: parent.id, locale: 'zh-CN', email: `family${i}@example.cn`, channels: '{}', updated_at: new Date() })
      .execute();
    parents.push(parent);
  }
  await db.transaction().execute((trx) =>
    notify(
      trx,
      parents.map((p) => p.id),
      {
        kind: 'enrollment.offer_made',
        params: { institution: '海州区新苗托育园', child: '小雨', expiresAt: '2026-12-01 18:00' },
        link: '/family/applications',
      },
      new Date(),
    ),
  );
  return parents.map((p) => p.phone);
}

async function waitFor(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 120_000) {
  const until = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

for (const dialect of DIALECTS) {
  describe(`a server killed with SIGKILL while sending, on ${dialect}`, () => {
    it('sends all 100 SMS exactly once and every e-mail, twice at most the one in flight at the kill', async () => {
      let victim: ServerProcess | undefined;
      let killedAt: Date | undefined;
      let inFlightAtKill = 0;
      let arrivedAtKill = 0;
      const smtp = await startSmtp({
        answerAfterMs: 30,
        onMessage: () => {
          if (killedAt || !victim || smtp.received.length < KILL_AT) return;
          process.kill(victim.pid, 'SIGKILL');
          killedAt = new Date();
          arrivedAtKill = smtp.received.length;
          inFlightAtKill = smtp.unanswered();
        },
      });
      const store = await openStore(dialect);
      let restarted: ServerProcess | undefined;
      try {
        const phones = await store.use(queueOffers);
        const queued = await store.use((db) =>
          db.selectFrom('outbound_messages').select(['id', 'channel']).where('status', '=', 'pending').execute(),
        );
        expect(queued.filter((m) => m.channel === 'sms')).toHaveLength(FAMILIES);
        expect(queued.filter((m) => m.channel === 'email')).toHaveLength(FAMILIES);

        const env = {
          ...store.env,
          SMTP_URL: smtp.url,
          MAIL_FROM: `托育服务平台 <noreply@${MAIL_DOMAIN}>`,
          // The message in flight at the kill is claimed; it goes again once this runs out.
          MESSAGE_LEASE_SECONDS: '2',
        };
        const dataDir = store.dataDir ? { dataDir: store.dataDir } : {};
        victim = await spawnServer({ env, ...dataDir });
        expect(await victim.exited).toBeNull();
        expect(killedAt).toBeDefined();

        restarted = await spawnServer({ env, ...dataDir });
        const expectedIds = new Set(queued.filter((m) => m.channel === 'email').map((m) => `<${m.id}@${MAIL_DOMAIN}>`));
        await waitFor('every e-mail arrived', () => new Set(smtp.received.map((m) => m.messageId)).size >= FAMILIES);
        const server = restarted;
        await waitFor('every SMS is sent', async () => {
          for (const phone of phones) {
            const outbox = await server.request('GET', `/api/v1/dev/outbox?phone=${phone}`);
            if ((outbox.body.items as { status: string }[]).some((m) => m.status !== 'sent')) return false;
          }
          return true;
        });
        expect(await restarted.stop()).toBe(0);

        const rows = await store.use((db) =>
          db.selectFrom('outbound_messages').select(['id', 'channel', 'status', 'attempts', 'sent_at']).execute(),
        );
        const sms = rows.filter((r) => r.channel === 'sms');
        const email = rows.filter((r) => r.channel === 'email');
        const smsBeforeKill = sms.filter((r) => new Date(r.sent_at as Date) <= (killedAt as Date)).length;

        // The kill fell while SMS were going out too: some were sent before it, the rest after.
        expect(smsBeforeKill).toBeGreaterThan(0);
        expect(smsBeforeKill).toBeLessThan(FAMILIES);
        // SMS: sending is the row's own commit, so each was sent in exactly one transaction.
        expect(sms.map((r) => [r.status, r.attempts])).toEqual(Array(FAMILIES).fill(['sent', 1]));
        // E-mail: every one arrived; only what the SMTP server had taken without answering at the
        // kill can have arrived twice (one message, as they go one at a time).
        expect(email.every((r) => r.status === 'sent')).toBe(true);
        const arrivedIds = smtp.received.map((m) => m.messageId);
        expect(new Set(arrivedIds)).toEqual(expectedIds);
        const duplicates = arrivedIds.length - expectedIds.size;
        expect(inFlightAtKill).toBeLessThanOrEqual(1);
        expect(duplicates).toBeLessThanOrEqual(inFlightAtKill);
        expect(email.filter((r) => r.attempts > 1).length).toBeLessThanOrEqual(inFlightAtKill);
        console.info(
          `[${dialect}] kill -9 after ${arrivedAtKill} e-mails and ${smsBeforeKill} SMS: ${inFlightAtKill} e-mail in flight; ` +
            `after restart ${FAMILIES}/${FAMILIES} SMS sent once, ${expectedIds.size}/${FAMILIES} e-mails arrived, ${duplicates} twice`,
        );
      } finally {
        await Promise.allSettled([victim?.stop(), restarted?.stop()]);
        await store.close();
        await smtp.close();
      }
    }, 420_000);
  });
}
