import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH, hashedFieldsOf } from './auditLog.ts';
import { type CheckpointKey, signCheckpoint } from './checkpointKey.ts';

// Held by the sealer alone, for one seal: a second process finds it taken and skips its turn.
// (7_300_001 migrations, 7_300_002 the old global audit lock, 7_300_003 the demo seed.) Paired
// with the schema, since advisory locks span the database: a deployment in another schema of it
// has its own log and its own sealer, and must not take this one's turn.
const SEALER_LOCK = 7_300_004;

export type SealOptions = {
  now?: Date;
  /** Rows chained per transaction. */
  batchSize?: number;
  /** Least time between checkpoints; 0 writes one whenever the chain has grown. */
  checkpointEveryMs?: number;
  /**
   * Keep sealing, up to this long, until every entry committed before the call is sealed. A
   * transaction open anywhere in the PostgreSQL cluster (another database too: transaction ids
   * are cluster-wide) holds the horizon back, so one pass may seal less than was committed.
   */
  settleMs?: number;
};

export type SealResult = { sealed: number; treeSize: number; checkpointed: boolean };

/**
 * Chains every audit row that can no longer be preceded by another, in batches, and signs a
 * checkpoint of the new head when one is due. Safe to call from any process at any time.
 */
export async function sealAuditLog(db: Kysely<DB>, key: CheckpointKey, options: SealOptions = {}): Promise<SealResult> {
  const batchSize = options.batchSize ?? 2_000;
  const total: SealResult = { sealed: 0, treeSize: 0, checkpointed: false };
  if (options.settleMs === undefined) return sealAvailable(db, key, batchSize, options, total);
  const { rows } = await sql<{ xmax: string }>`select pg_snapshot_xmax(pg_current_snapshot())::text as xmax`.execute(db);
  const deadline = Date.now() + options.settleMs;
  for (;;) {
    await sealAvailable(db, key, batchSize, options, total);
    const waiting = await db
      .selectFrom('audit_log')
      .select('id')
      .where('seq', 'is', null)
      .where(sql<boolean>`xid < ${rows[0]?.xmax}::xid8`)
      .limit(1)
      .executeTakeFirst();
    if (!waiting || Date.now() > deadline) return total;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function sealAvailable(db: Kysely<DB>, key: CheckpointKey, batchSize: number, options: SealOptions, total: SealResult) {
  for (;;) {
    const step = await sealBatch(db, key, batchSize, options);
    if (step === 'busy') return total;
    total.sealed += step.sealed;
    total.treeSize = step.treeSize;
    total.checkpointed ||= step.checkpointed;
    if (step.sealed < batchSize) return total;
  }
}

async function sealBatch(db: Kysely<DB>, key: CheckpointKey, batchSize: number, options: SealOptions): Promise<SealResult | 'busy'> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<{
      locked: boolean;
    }>`select pg_try_advisory_xact_lock(${SEALER_LOCK}, hashtext(current_schema())) as locked`.execute(trx);
    if (!rows[0]?.locked) return 'busy';
    const head = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .where('seq', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    // Every transaction below the snapshot's xmin has ended, so no row with such an xid can still
    // appear: the rows below it, in (xid, id) order, are final and come before any later row.
    // Row ids give no such guarantee: a transaction can take a lower id and commit later.
    const ready = await trx
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', 'is', null)
      .where(sql<boolean>`xid < (select pg_snapshot_xmin(pg_current_snapshot()))`)
      .orderBy('xid')
      .orderBy('id')
      .limit(batchSize)
      .execute();
    let seq = head?.seq ?? 0;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const sealed = ready.map((row) => {
      const hash = auditHash(prevHash, hashedFieldsOf(row));
      const values = sql`(${row.id}::bigint, ${++seq}::bigint, ${prevHash}::text, ${hash}::text)`;
      prevHash = hash;
      return values;
    });
    if (sealed.length > 0) {
      await sql`update audit_log set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from (values ${sql.join(sealed)}) as v (id, seq, prev_hash, hash)
        where audit_log.id = v.id`.execute(trx);
    }
    const checkpointed = seq > 0 && (await checkpointIfDue(trx, key, seq, prevHash, options));
    return { sealed: sealed.length, treeSize: seq, checkpointed };
  });
}

async function checkpointIfDue(trx: Kysely<DB>, key: CheckpointKey, treeSize: number, headHash: string, options: SealOptions) {
  const now = options.now ?? new Date();
  const last = await trx
    .selectFrom('audit_checkpoints')
    .select(['tree_size', 'sealed_at'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (last && last.tree_size >= treeSize) return false;
  if (last && now.getTime() - new Date(last.sealed_at).getTime() < (options.checkpointEveryMs ?? 0)) return false;
  const checkpoint = signCheckpoint(key, { treeSize, headHash, sealedAt: now.toISOString() });
  await trx
    .insertInto('audit_checkpoints')
    .values({
      tree_size: checkpoint.treeSize,
      head_hash: checkpoint.headHash,
      sealed_at: checkpoint.sealedAt,
      key_id: checkpoint.keyId,
      signature: checkpoint.signature,
    })
    .execute();
  return true;
}
