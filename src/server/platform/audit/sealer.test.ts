import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIT_SIGNING_KEY } from '../../../../test/harness/cipher.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit, SYSTEM_CONTEXT } from './auditLog.ts';
import { checkpointKeyFromSeed } from './checkpointKey.ts';
import { sealAuditLog } from './sealer.ts';
import { verifyAuditLog } from './verify.ts';

const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));
const publicKeys = { [key.keyId]: key.publicKeyPem };

/** A transaction left open until `commit()`; `ready` resolves once `body` has run in it. */
function holdOpen(db: Kysely<DB>, body: (trx: Kysely<DB>) => Promise<unknown>) {
  let commit!: () => void;
  const released = new Promise<void>((resolve) => {
    commit = resolve;
  });
  let ready!: () => void;
  const started = new Promise<void>((resolve) => {
    ready = resolve;
  });
  const done = db.transaction().execute(async (trx) => {
    await body(trx);
    ready();
    await released;
  });
  return {
    ready: Promise.race([started, done]),
    commit: async () => {
      commit();
      await done;
    },
  };
}

// Other tests' transactions in the same cluster may hold the horizon back for a moment.
const SETTLE = { settleMs: 10_000 };
const entry = (action: string) => ({ action, entityType: 'test' });
const sealedOf = async (db: Kysely<DB>, action: string) =>
  (await db.selectFrom('audit_log').select('seq').where('action', '=', action).executeTakeFirstOrThrow()).seq;

// PGlite is one connection behind a mutex: a transaction held open stops every other one, so
// commit order is always sequence order there and these races cannot happen.
describe.each(DIALECTS.filter((d) => d === 'postgres'))('the audit sealer with concurrent transactions on %s', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect, { poolSize: 6 });
  });
  afterAll(() => database.close());

  it('lets two transactions hold their audit entries uncommitted at the same time', async () => {
    const db = database.db;
    const first = holdOpen(db, (trx) => appendAudit(trx, SYSTEM_CONTEXT, entry('test.parallel_a')));
    await first.ready;
    const second = holdOpen(db, (trx) => appendAudit(trx, SYSTEM_CONTEXT, entry('test.parallel_b')));
    const timeout = new Promise((resolve) => setTimeout(() => resolve('blocked'), 3_000));
    expect(await Promise.race([second.ready.then(() => 'proceeded'), timeout])).toBe('proceeded');
    await second.commit();
    await first.commit();
    await sealAuditLog(db, key, SETTLE);
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('never seals past an entry whose transaction is still open, and chains it once it commits', async () => {
    const db = database.db;
    const held = holdOpen(db, (trx) => appendAudit(trx, SYSTEM_CONTEXT, entry('test.held')));
    await held.ready;
    await appendAudit(db, SYSTEM_CONTEXT, entry('test.after_held'));

    await sealAuditLog(db, key);
    expect(await sealedOf(db, 'test.after_held')).toBeNull();

    await held.commit();
    await sealAuditLog(db, key, SETTLE);
    const heldSeq = await sealedOf(db, 'test.held');
    expect(heldSeq).not.toBeNull();
    expect(await sealedOf(db, 'test.after_held')).toBe((heldSeq as number) + 1);
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('chains an entry with a lower id after one with a higher id when its transaction commits later', async () => {
    const db = database.db;
    // The early transaction takes its transaction id first, then waits before writing its entry.
    let write!: () => void;
    const writeNow = new Promise<void>((resolve) => {
      write = resolve;
    });
    const early = holdOpen(db, async (trx) => {
      await sql`select pg_current_xact_id()`.execute(trx);
      await writeNow;
      await appendAudit(trx, SYSTEM_CONTEXT, entry('test.higher_id'));
    });
    const late = holdOpen(db, (trx) => appendAudit(trx, SYSTEM_CONTEXT, entry('test.lower_id')));
    await late.ready;
    write();
    await early.ready;
    await early.commit();

    await sealAuditLog(db, key, SETTLE);
    expect(await sealedOf(db, 'test.higher_id')).not.toBeNull();

    await late.commit();
    await sealAuditLog(db, key, SETTLE);
    const row = (action: string) => db.selectFrom('audit_log').select(['id', 'seq']).where('action', '=', action).executeTakeFirstOrThrow();
    const [lower, higher] = [await row('test.lower_id'), await row('test.higher_id')];
    expect(lower.id).toBeLessThan(higher.id);
    expect(lower.seq).toBe((higher.seq as number) + 1);
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('lets one sealer at a time chain: two sealing at once seal each entry once', async () => {
    const db = database.db;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) => appendAudit(db, SYSTEM_CONTEXT, { ...entry('test.two_sealers'), entityId: `${i}` })),
    );
    const results = await Promise.all([sealAuditLog(db, key, { batchSize: 5 }), sealAuditLog(db, key, { batchSize: 5 })]);
    const rest = await sealAuditLog(db, key, SETTLE);
    const sealed = await db.selectFrom('audit_log').select('seq').where('action', '=', 'test.two_sealers').execute();
    expect(sealed.every((r) => r.seq !== null)).toBe(true);
    expect(results[0].sealed + results[1].sealed + rest.sealed).toBe(40);
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: true, unsealed: 0 });
  });

  it('seals beside a deployment in another schema of the same database, and skips while its own turn is taken', async () => {
    const other = await openTestDatabase(dialect);
    try {
      await appendAudit(database.db, SYSTEM_CONTEXT, entry('test.beside_other_schema'));
      const otherSchema = other.postgres?.schema as string;
      // The other deployment's sealer mid-seal: its lock held in an open transaction.
      const othersTurn = holdOpen(other.db, (trx) => sql`select pg_advisory_xact_lock(7300004, hashtext(${otherSchema}))`.execute(trx));
      await othersTurn.ready;
      expect((await sealAuditLog(database.db, key, SETTLE)).sealed).toBeGreaterThan(0);
      expect(await sealedOf(database.db, 'test.beside_other_schema')).not.toBeNull();
      await appendAudit(other.db, SYSTEM_CONTEXT, entry('test.while_busy'));
      expect((await sealAuditLog(other.db, key)).sealed).toBe(0);
      await othersTurn.commit();
      expect((await sealAuditLog(other.db, key, SETTLE)).sealed).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });
});
