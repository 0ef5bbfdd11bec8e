import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { auditHash, GENESIS_HASH, hashedFieldsOf } from './auditLog.ts';
import { type Checkpoint, checkpointOfRow, isCheckpointSigned } from './checkpointKey.ts';

export type AuditProblemReason =
  /** No row at this sequence number: deleted. */
  | 'missing'
  /** The row's content no longer gives its hash: edited. */
  | 'content_changed'
  /** The row does not link to the one before it: removed, moved or swapped. */
  | 'chain_broken'
  /** The row links to the one before its predecessor: that predecessor was put in afterwards. */
  | 'inserted'
  /** A checkpoint names more rows than the chain holds: its tail was cut off. */
  | 'truncated'
  /** A checkpoint's head differs from the chain's: the rows after the previous good checkpoint were rewritten. */
  | 'rewritten'
  /** A checkpoint whose signature does not verify with the known keys. */
  | 'bad_signature';

export type AuditVerification = {
  ok: boolean;
  /** Sealed rows whose chain verified, before the first problem. */
  checked: number;
  /** Rows not sealed yet (their transactions ended less than a seal ago, or no sealer ran). */
  unsealed: number;
  checkpoints: number;
  problem?: { seq: number; reason: AuditProblemReason };
};

export type VerifyOptions = {
  /** Key id → public key (PEM) that checkpoints may be signed with. */
  publicKeys: Record<string, string>;
  /** Checkpoints kept outside the database (export-checkpoints), checked like the stored ones. */
  external?: Checkpoint[];
  batchSize?: number;
};

/**
 * Walks the sealed rows in sequence order, recomputing every link, and holds each checkpoint
 * (stored and external) against the chain: a signed head that no longer matches proves a
 * rewrite even when the rewritten rows hash consistently.
 */
export async function verifyAuditLog(db: Kysely<DB>, options: VerifyOptions): Promise<AuditVerification> {
  const stored = await db.selectFrom('audit_checkpoints').selectAll().orderBy('tree_size').execute();
  const checkpoints: Checkpoint[] = [...stored.map(checkpointOfRow), ...(options.external ?? [])].sort((a, b) => a.treeSize - b.treeSize);
  const { unsealed } = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('unsealed'))
    .where('seq', 'is', null)
    .executeTakeFirstOrThrow();
  const result = (checked: number, problem?: AuditVerification['problem']): AuditVerification => ({
    ok: !problem,
    checked,
    unsealed: Number(unsealed),
    checkpoints: checkpoints.length,
    ...(problem ? { problem } : {}),
  });

  const badSignature = checkpoints.find((c) => !isCheckpointSigned(c, options.publicKeys));
  if (badSignature) return result(0, { seq: badSignature.treeSize, reason: 'bad_signature' });

  const batchSize = options.batchSize ?? 2_000;
  let prevHash = GENESIS_HASH;
  let beforePrevHash: string | null = null;
  let checked = 0;
  let nextCheckpoint = 0;
  let lastGoodCheckpointSize = 0;
  // A checkpoint that disagrees only bounds the rewrite; the rows up to it, and the one after
  // (which shows an insertion), may still name the exact entry, so the walk goes on that far.
  let rewrite: { problem: NonNullable<AuditVerification['problem']>; upTo: number } | null = null;
  const failAt = (problem: NonNullable<AuditVerification['problem']>) =>
    result(checked, rewrite && problem.seq > rewrite.upTo ? rewrite.problem : problem);
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('seq', '>', checked).orderBy('seq').limit(batchSize).execute();
    for (const row of rows) {
      const seq = checked + 1;
      if (rewrite && seq > rewrite.upTo + 1) return result(checked, rewrite.problem);
      if (row.seq !== seq) return failAt({ seq, reason: 'missing' });
      if (row.prev_hash !== prevHash) {
        return failAt(row.prev_hash === beforePrevHash ? { seq: seq - 1, reason: 'inserted' } : { seq, reason: 'chain_broken' });
      }
      if (auditHash(prevHash, hashedFieldsOf(row)) !== row.hash) return failAt({ seq, reason: 'content_changed' });
      beforePrevHash = prevHash;
      prevHash = row.hash;
      checked = seq;
      for (; nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]?.treeSize === seq; nextCheckpoint++) {
        if (rewrite || checkpoints[nextCheckpoint]?.headHash === row.hash) lastGoodCheckpointSize = seq;
        else rewrite = { problem: { seq: lastGoodCheckpointSize + 1, reason: 'rewritten' }, upTo: seq };
      }
    }
    if (rows.length < batchSize) break;
  }
  if (rewrite) return result(checked, rewrite.problem);
  if (nextCheckpoint < checkpoints.length) return result(checked, { seq: checked + 1, reason: 'truncated' });
  return result(checked);
}
