import { type Kysely, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { TEST_AUDIT_SIGNING_KEY } from '../../../../test/harness/cipher.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit, auditHash, hashedFieldsOf, SYSTEM_CONTEXT } from './auditLog.ts';
import { exportCheckpoints } from './checkpointExport.ts';
import { checkpointKeyFromSeed } from './checkpointKey.ts';
import { sealAuditLog } from './sealer.ts';
import { verifyAuditLog } from './verify.ts';

const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));
const publicKeys = { [key.keyId]: key.publicKeyPem };

/** Runs SQL as someone with the database owner's rights would: triggers off. */
async function tamper(db: Kysely<DB>, statements: (trx: Kysely<DB>) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`alter table audit_log disable trigger audit_log_no_update`.execute(trx);
    await sql`alter table audit_checkpoints disable trigger audit_checkpoints_no_update`.execute(trx);
    await statements(trx);
    await sql`alter table audit_log enable trigger audit_log_no_update`.execute(trx);
    await sql`alter table audit_checkpoints enable trigger audit_checkpoints_no_update`.execute(trx);
  });
}

/** Recomputes the chain from `fromSeq` on, as a forger who knows the hash function would. */
async function rehashFrom(trx: Kysely<DB>, fromSeq: number) {
  const rows = await trx.selectFrom('audit_log').selectAll().where('seq', '>=', fromSeq).orderBy('seq').execute();
  const before = await trx
    .selectFrom('audit_log')
    .select('hash')
    .where('seq', '=', fromSeq - 1)
    .executeTakeFirstOrThrow();
  let prev = before.hash as string;
  for (const row of rows) {
    const hash = auditHash(prev, hashedFieldsOf(row));
    await trx.updateTable('audit_log').set({ prev_hash: prev, hash }).where('id', '=', row.id).execute();
    prev = hash;
  }
}

describe.each(DIALECTS)('verify-audit finds tampering on %s', (dialect) => {
  let database: TestDatabase;
  afterEach(() => database.close());

  /** Six entries in two seals, so there are checkpoints at 3 and 6. */
  async function sealedLog(): Promise<Kysely<DB>> {
    database = await openTestDatabase(dialect, { poolSize: 3 });
    const db = database.db;
    for (const part of [0, 1]) {
      for (let i = 1; i <= 3; i++)
        await appendAudit(db, SYSTEM_CONTEXT, { action: 'test.entry', entityType: 'test', entityId: `${part * 3 + i}` });
      await sealAuditLog(db, key, { settleMs: 10_000 });
    }
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: true, checked: 6, checkpoints: 2 });
    return db;
  }
  const problemOf = async (db: Kysely<DB>) => (await verifyAuditLog(db, { publicKeys })).problem;

  it('an edited entry', async () => {
    const db = await sealedLog();
    await tamper(db, (trx) => sql`update audit_log set detail = '{"n": 999}' where seq = 3`.execute(trx));
    expect(await problemOf(db)).toEqual({ seq: 3, reason: 'content_changed' });
  });

  it('a deleted entry', async () => {
    const db = await sealedLog();
    await tamper(db, (trx) => sql`delete from audit_log where seq = 3`.execute(trx));
    expect(await problemOf(db)).toEqual({ seq: 3, reason: 'missing' });
  });

  it('an entry inserted in the middle, even one that links correctly to its predecessor', async () => {
    const db = await sealedLog();
    await tamper(db, async (trx) => {
      await sql`update audit_log set seq = -seq where seq >= 3`.execute(trx);
      await sql`update audit_log set seq = -seq + 1 where seq < 0`.execute(trx);
      const h2 = await trx.selectFrom('audit_log').select('hash').where('seq', '=', 2).executeTakeFirstOrThrow();
      await sql`insert into audit_log (at, actor_role, action, entity_type, detail, prev_hash, hash, seq, xid)
        values (now(), 'system', 'test.forged', 'test', '{}', ${h2.hash}, 'pending', 3, null)`.execute(trx);
      const forged = await trx.selectFrom('audit_log').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      await trx
        .updateTable('audit_log')
        .set({ hash: auditHash(h2.hash as string, hashedFieldsOf(forged)) })
        .where('seq', '=', 3)
        .execute();
    });
    expect(await problemOf(db)).toEqual({ seq: 3, reason: 'inserted' });
  });

  it('two entries swapped', async () => {
    const db = await sealedLog();
    await tamper(db, async (trx) => {
      await sql`update audit_log set seq = -1 where seq = 3`.execute(trx);
      await sql`update audit_log set seq = 3 where seq = 4`.execute(trx);
      await sql`update audit_log set seq = 4 where seq = -1`.execute(trx);
    });
    expect(await problemOf(db)).toEqual({ seq: 3, reason: 'chain_broken' });
  });

  it('a truncated tail', async () => {
    const db = await sealedLog();
    await tamper(db, (trx) => sql`delete from audit_log where seq >= 5`.execute(trx));
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: false, checked: 4, problem: { seq: 5, reason: 'truncated' } });
  });

  it('a rewritten stretch whose hashes were all recomputed, by the checkpoint that covers it', async () => {
    const db = await sealedLog();
    await tamper(db, async (trx) => {
      await sql`update audit_log set detail = '{"n": 999}' where seq = 5`.execute(trx);
      await rehashFrom(trx, 5);
    });
    expect(await problemOf(db)).toEqual({ seq: 4, reason: 'rewritten' });
  });

  it('a checkpoint whose head or signature was changed', async () => {
    const db = await sealedLog();
    await tamper(db, (trx) => sql`update audit_checkpoints set head_hash = repeat('a', 64) where tree_size = 6`.execute(trx));
    expect(await problemOf(db)).toEqual({ seq: 6, reason: 'bad_signature' });
  });

  it('a rewrite that also replaced the stored checkpoints, by checkpoints exported before it', async () => {
    const db = await sealedLog();
    const exported = await exportCheckpoints(db, key, new Date());
    expect(exported.checkpoints.map((c) => c.treeSize)).toEqual([3, 6]);
    await tamper(db, async (trx) => {
      await sql`update audit_log set detail = '{"n": 999}' where seq = 2`.execute(trx);
      await rehashFrom(trx, 2);
      await sql`delete from audit_checkpoints`.execute(trx);
    });
    await sealAuditLog(db, key, { settleMs: 10_000 });
    expect(await verifyAuditLog(db, { publicKeys })).toMatchObject({ ok: true });
    const withExport = await verifyAuditLog(db, { publicKeys: exported.publicKeys, external: exported.checkpoints });
    expect(withExport.problem).toEqual({ seq: 1, reason: 'rewritten' });
  });
});
