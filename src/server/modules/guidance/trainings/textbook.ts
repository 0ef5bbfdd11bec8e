import { createHash, randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { detectContentType } from '../../../platform/files/contentType.ts';
import { cleanFilename } from '../../../platform/files/filename.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import * as q from './queries.ts';
import { requireVisibleTraining } from './service.ts';
import { requireTrainingStaff } from './settings.ts';

/** A textbook of a few hundred pages with figures fits well within it. */
export const MAX_TEXTBOOK_BYTES = 30 * 1024 * 1024;

type TextbookRow = Insertable<DB['training_textbooks']> & { uploaded_at: Date };

/**
 * Puts the training's textbook row, replacing the one before, and audits it, in the caller's
 * transaction with the training's row locked. Returns the stored file the replaced row named when
 * no row names it any more: the caller removes it once the transaction has committed.
 */
async function putTextbookRow(
  trx: Db,
  row: TextbookRow,
  audit: { context: AuditContext; action: string; detail: Record<string, unknown> },
) {
  const before = await q.findTextbook(trx, row.training_id);
  await q.putTextbook(trx, row);
  await appendAudit(
    trx,
    audit.context,
    { action: audit.action, entityType: 'training', entityId: row.training_id, detail: audit.detail },
    row.uploaded_at,
  );
  if (before && !(await q.isTextbookFileNamed(trx, before.storage_key))) return before.storage_key;
  return undefined;
}

const presentTextbook = (row: TextbookRow) => ({
  filename: row.filename,
  sizeBytes: row.size_bytes,
  uploadedAt: row.uploaded_at.toISOString(),
});

/**
 * The center uploads the training's textbook. It must be a PDF by its own bytes (never by its
 * name); the bytes are stored before the row and removed again if the row is not written. A new
 * upload replaces the textbook, and the bytes it replaced are removed once nothing names them.
 */
export async function uploadTextbook(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  trainingId: string,
  upload: { filename: string; data: Buffer },
  context: AuditContext,
) {
  await requireTrainingStaff(deps.db, scope);
  if (upload.data.length === 0) throw new AppError('FILE_MISSING');
  if (detectContentType(upload.data) !== 'application/pdf') throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: 'PDF' });
  const key = `trainings/${trainingId}/textbook-${randomUUID()}`;
  const row = {
    training_id: trainingId,
    filename: cleanFilename(upload.filename),
    size_bytes: upload.data.length,
    sha256: createHash('sha256').update(upload.data).digest('hex'),
    storage_key: key,
    uploaded_by: scope.actor.userId,
    uploaded_at: deps.clock.now(),
  };
  await storage.put(key, upload.data);
  let unnamed: string | undefined;
  try {
    unnamed = await deps.db.transaction().execute(async (trx) => {
      if (!(await q.lockTraining(trx, trainingId))) throw new AppError('NOT_FOUND');
      const detail = { filename: row.filename, sizeBytes: row.size_bytes, sha256: row.sha256 };
      return putTextbookRow(trx, row, { context, action: 'training.textbook.upload', detail });
    });
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  if (unnamed) await storage.remove(unnamed);
  return presentTextbook(row);
}

/**
 * The center gives a training the textbook already uploaded for another (the director training
 * textbook is one book for every director training): the row names the same stored file, whose
 * bytes are not copied. Both trainings are locked, in a fixed order so that two shares crossing
 * each other cannot deadlock: an upload replacing the other training's textbook then either comes
 * first (and this takes the new edition) or sees this row naming the old file and keeps it.
 */
export async function shareTextbook(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  trainingId: string,
  fromTrainingId: string,
  context: AuditContext,
) {
  await requireTrainingStaff(deps.db, scope);
  if (fromTrainingId === trainingId) throw fieldError('body.fromTrainingId', 'training.textbookSelf');
  const { row, unnamed } = await deps.db.transaction().execute(async (trx) => {
    const locked = new Map<string, boolean>();
    for (const id of [trainingId, fromTrainingId].sort()) locked.set(id, (await q.lockTraining(trx, id)) !== undefined);
    if (!locked.get(trainingId)) throw new AppError('NOT_FOUND');
    const source = await q.findTextbook(trx, fromTrainingId);
    if (!source) throw new AppError('TRAINING_TEXTBOOK_SOURCE_NOT_FOUND', {}, [{ path: 'body.fromTrainingId' }]);
    const shared = { ...source, training_id: trainingId, uploaded_by: scope.actor.userId, uploaded_at: deps.clock.now() };
    const detail = { fromTrainingId, filename: source.filename, sha256: source.sha256 };
    return { row: shared, unnamed: await putTextbookRow(trx, shared, { context, action: 'training.textbook.share', detail }) };
  });
  if (unnamed) await storage.remove(unnamed);
  return presentTextbook(row);
}

/** The textbook's bytes, for whoever may see the training. */
export async function readTextbook(deps: Deps, storage: FileStorage, scope: Scope, trainingId: string) {
  await requireVisibleTraining(deps, scope, trainingId);
  const row = await q.findTextbook(deps.db, trainingId);
  const data = row ? await storage.get(row.storage_key) : undefined;
  if (!row || !data) throw new AppError('NOT_FOUND');
  return { filename: row.filename, data };
}
