import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { auditHash, hashedFieldsOf } from './auditLog.ts';
import { type CheckpointExport, parseAuditFile, SignedCheckpoint } from './checkpointExport.ts';
import { type CheckpointKey, checkpointOfRow, isCheckpointSigned } from './checkpointKey.ts';

// A consistency proof shows that a newer signed checkpoint extends an older one: nothing up to
// the older head was rewritten, removed or reordered since. The log is a hash chain, so the proof
// is the entries between the two heads (a Merkle tree's would be logarithmic but its entries'
// hashes only); an auditor who kept the older checkpoint checks it without the database. It
// discloses the entries it carries: it is for someone entitled to read the audit log.

const FORMAT = 'tuoyu-audit-consistency';

export const ConsistencyProof = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  createdAt: z.string(),
  publicKeys: z.record(z.string(), z.string()),
  from: SignedCheckpoint,
  to: SignedCheckpoint,
  /** The entries after `from` up to `to`, each with exactly what its hash covers. */
  entries: z.array(z.object({ seq: z.number().int().positive(), fields: z.record(z.string(), z.unknown()) })),
});
export type ConsistencyProof = z.infer<typeof ConsistencyProof>;

/** The proof from the signed checkpoint of `fromSize` entries to that of `toSize` (default: the latest). */
export async function buildConsistencyProof(
  db: Kysely<DB>,
  key: CheckpointKey,
  fromSize: number,
  toSize: number | undefined,
  now: Date,
): Promise<ConsistencyProof> {
  const at = (size: number) =>
    db.selectFrom('audit_checkpoints').selectAll().where('tree_size', '=', size).orderBy('id').limit(1).executeTakeFirst();
  const fromRow = await at(fromSize);
  if (!fromRow) throw new Error(`no signed checkpoint covers exactly ${fromSize} entries`);
  const toRow =
    toSize === undefined
      ? await db.selectFrom('audit_checkpoints').selectAll().orderBy('tree_size', 'desc').limit(1).executeTakeFirst()
      : await at(toSize);
  if (!toRow) throw new Error(`no signed checkpoint covers exactly ${toSize} entries`);
  if (toRow.tree_size < fromRow.tree_size) throw new Error('the newer checkpoint must not cover fewer entries than the older');
  const rows = await db
    .selectFrom('audit_log')
    .selectAll()
    .where('seq', '>', fromRow.tree_size)
    .where('seq', '<=', toRow.tree_size)
    .orderBy('seq')
    .execute();
  return {
    format: FORMAT,
    version: 1,
    createdAt: now.toISOString(),
    publicKeys: { [key.keyId]: key.publicKeyPem },
    from: checkpointOfRow(fromRow),
    to: checkpointOfRow(toRow),
    entries: rows.map((row) => ({ seq: row.seq as number, fields: hashedFieldsOf(row) })),
  };
}

export type ProofProblem =
  /** A checkpoint's signature does not verify with the keys trusted. */
  | 'bad_signature'
  /** The auditor kept no checkpoint equal to the proof's older one. */
  | 'from_not_kept'
  /** Entries are missing, repeated or out of order between the two heads. */
  | 'entries_missing'
  /** The entries do not lead from the older head to a checkpoint the auditor kept on the way. */
  | 'kept_checkpoint_differs'
  /** The entries do not lead from the older head to the newer one. */
  | 'head_mismatch';

export type ProofCheck = { ok: boolean; entries: number; from: number; to: number; problem?: { reason: ProofProblem; seq?: number } };

/**
 * Checks a proof without the database. With the checkpoints an auditor kept (export-checkpoints),
 * only their keys are trusted, the proof must start at one of them, and every kept checkpoint
 * between its two heads must lie on the way; without them the proof is only checked against itself.
 */
export function checkConsistencyProof(proof: ConsistencyProof, kept?: CheckpointExport): ProofCheck {
  const keys = kept?.publicKeys ?? proof.publicKeys;
  const result = (problem?: ProofCheck['problem']): ProofCheck => ({
    ok: !problem,
    entries: proof.entries.length,
    from: proof.from.treeSize,
    to: proof.to.treeSize,
    ...(problem ? { problem } : {}),
  });
  for (const c of [proof.from, proof.to]) if (!isCheckpointSigned(c, keys)) return result({ reason: 'bad_signature', seq: c.treeSize });
  if (kept && !kept.checkpoints.some((c) => c.treeSize === proof.from.treeSize && c.headHash === proof.from.headHash)) {
    return result({ reason: 'from_not_kept', seq: proof.from.treeSize });
  }
  const onTheWay = new Map((kept?.checkpoints ?? []).map((c) => [c.treeSize, c.headHash]));
  let head = proof.from.headHash;
  let seq = proof.from.treeSize;
  for (const entry of proof.entries) {
    seq += 1;
    if (entry.seq !== seq) return result({ reason: 'entries_missing', seq });
    head = auditHash(head, entry.fields as Parameters<typeof auditHash>[1]);
    const keptHead = onTheWay.get(seq);
    if (keptHead !== undefined && keptHead !== head) return result({ reason: 'kept_checkpoint_differs', seq });
  }
  if (seq !== proof.to.treeSize) return result({ reason: 'entries_missing', seq: seq + 1 });
  if (head !== proof.to.headHash) return result({ reason: 'head_mismatch', seq: proof.to.treeSize });
  return result();
}

export const parseConsistencyProof = (text: string): ConsistencyProof => parseAuditFile(ConsistencyProof, 'a consistency proof', text);
