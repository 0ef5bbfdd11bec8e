import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_AUDIT_SIGNING_KEY } from '../../../../test/harness/cipher.ts';
import { DIALECTS, openTestDatabase, type TestDatabase } from '../../../../test/harness/db.ts';
import { appendAudit, auditHash, SYSTEM_CONTEXT } from './auditLog.ts';
import { type CheckpointExport, exportCheckpoints } from './checkpointExport.ts';
import { checkpointKeyFromSeed, signCheckpoint } from './checkpointKey.ts';
import { buildConsistencyProof, type ConsistencyProof, checkConsistencyProof, parseConsistencyProof } from './consistency.ts';
import { sealAuditLog } from './sealer.ts';

const key = checkpointKeyFromSeed(Buffer.from(TEST_AUDIT_SIGNING_KEY, 'base64'));
const now = new Date('2026-12-07T02:00:00Z');

/** What an operator holding the signing key could make of a proof: its entries changed, a head that fits them, signed. */
function forged(proof: ConsistencyProof, change: (entries: ConsistencyProof['entries']) => ConsistencyProof['entries']): ConsistencyProof {
  const entries = change(structuredClone(proof.entries));
  const head = entries.reduce((h, e) => auditHash(h, e.fields as Parameters<typeof auditHash>[1]), proof.from.headHash);
  const to = signCheckpoint(key, { treeSize: proof.from.treeSize + entries.length, headHash: head, sealedAt: proof.to.sealedAt });
  return { ...proof, entries, to };
}

describe.each(DIALECTS)('consistency proofs of the audit log on %s', (dialect) => {
  let database: TestDatabase;
  let first: number;
  let middle: number;
  let latest: number;
  let kept: CheckpointExport;

  async function grow(actions: string[]) {
    await database.db.transaction().execute((trx) =>
      appendAudit(
        trx,
        SYSTEM_CONTEXT,
        actions.map((action) => ({ action, entityType: 'test', detail: { note: `${action} 备注`, nested: { b: 2, a: [1, 'x'] } } })),
      ),
    );
    const sealed = await sealAuditLog(database.db, key, { settleMs: 10_000, checkpointEveryMs: 0 });
    expect(sealed.checkpointed).toBe(true);
    return sealed.treeSize;
  }

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    first = await grow(['test.one', 'test.two']);
    middle = await grow(['test.three', 'test.four', 'test.five']);
    // The auditor exports here and keeps the file: they hold the heads of `first` and `middle`.
    kept = await exportCheckpoints(database.db, key, now);
    latest = await grow(['test.six']);
  });
  afterAll(() => database.close());

  it('proves that the latest checkpoint extends one the auditor kept, through a JSON file and back', async () => {
    const proof = parseConsistencyProof(JSON.stringify(await buildConsistencyProof(database.db, key, first, undefined, now)));
    expect(proof.to.treeSize).toBe(latest);
    expect(proof.entries.map((e) => e.seq)).toEqual(Array.from({ length: latest - first }, (_, i) => first + 1 + i));
    expect(checkConsistencyProof(proof, kept)).toEqual({ ok: true, entries: latest - first, from: first, to: latest });
    // Between two checkpoints the auditor names.
    expect(checkConsistencyProof(await buildConsistencyProof(database.db, key, first, middle, now), kept).ok).toBe(true);
  });

  it('refuses a proof whose entries were changed, dropped or whose older head the auditor never kept', async () => {
    const proof = await buildConsistencyProof(database.db, key, middle, undefined, now);
    const edited = structuredClone(proof);
    (edited.entries[0] as ConsistencyProof['entries'][number]).fields.action = 'test.nothing_to_see';
    expect(checkConsistencyProof(edited, kept).problem).toEqual({ reason: 'head_mismatch', seq: latest });

    expect(checkConsistencyProof({ ...proof, entries: [] }, kept).problem).toEqual({ reason: 'entries_missing', seq: middle + 1 });

    const forgetful = { ...kept, checkpoints: kept.checkpoints.filter((c) => c.treeSize !== middle) };
    expect(checkConsistencyProof(proof, forgetful).problem).toEqual({ reason: 'from_not_kept', seq: middle });
  });

  it('shows a history rewritten and signed again with the key: it no longer passes through what the auditor kept', async () => {
    const proof = await buildConsistencyProof(database.db, key, first, undefined, now);
    // The operator changes an entry before `middle` and signs a new head that fits: on its own the
    // proof holds together, against the auditor's checkpoints it does not.
    const rewritten = forged(proof, (entries) => {
      (entries[1] as ConsistencyProof['entries'][number]).fields.action = 'test.rewritten';
      return entries;
    });
    expect(checkConsistencyProof(rewritten).ok).toBe(true);
    expect(checkConsistencyProof(rewritten, kept).problem).toEqual({ reason: 'kept_checkpoint_differs', seq: middle });
  });

  it('trusts only the keys the auditor kept', async () => {
    const proof = await buildConsistencyProof(database.db, key, first, undefined, now);
    const other = checkpointKeyFromSeed(randomBytes(32));
    const signedByOther = { ...proof, to: signCheckpoint(other, proof.to), publicKeys: { [other.keyId]: other.publicKeyPem } };
    expect(checkConsistencyProof(signedByOther, kept).problem).toEqual({ reason: 'bad_signature', seq: latest });
  });

  it('answers a request for a checkpoint that does not exist in words', async () => {
    await expect(buildConsistencyProof(database.db, key, latest + 100, undefined, now)).rejects.toThrow(
      `no signed checkpoint covers exactly ${latest + 100} entries`,
    );
    await expect(buildConsistencyProof(database.db, key, middle, first, now)).rejects.toThrow('must not cover fewer entries');
  });
});
