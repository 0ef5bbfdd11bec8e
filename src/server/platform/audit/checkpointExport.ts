import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../../db/schema.ts';
import { type CheckpointKey, checkpointOfRow } from './checkpointKey.ts';

const FORMAT = 'tuoyu-audit-checkpoints';

export const SignedCheckpoint = z.object({
  treeSize: z.number().int().positive(),
  headHash: z.string().regex(/^[0-9a-f]{64}$/),
  sealedAt: z.string(),
  keyId: z.string(),
  signature: z.string(),
});

/** What an auditor keeps outside the system: signed heads of the chain and the key that signed them. */
export const CheckpointExport = z.object({
  format: z.literal(FORMAT),
  version: z.literal(1),
  exportedAt: z.string(),
  publicKeys: z.record(z.string(), z.string()),
  checkpoints: z.array(SignedCheckpoint),
});
export type CheckpointExport = z.infer<typeof CheckpointExport>;

export async function exportCheckpoints(db: Kysely<DB>, key: CheckpointKey, now: Date): Promise<CheckpointExport> {
  const rows = await db.selectFrom('audit_checkpoints').selectAll().orderBy('id').execute();
  return {
    format: FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    publicKeys: { [key.keyId]: key.publicKeyPem },
    checkpoints: rows.map(checkpointOfRow),
  };
}

/** Parses a file an auditor holds (`what` names it in the message); throws a readable message when it is not one. */
export function parseAuditFile<T>(schema: z.ZodType<T>, what: string, text: string): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`not ${what} (not JSON)`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new Error(`not ${what} of this version: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

export const parseCheckpointExport = (text: string): CheckpointExport => parseAuditFile(CheckpointExport, 'a checkpoints file', text);
