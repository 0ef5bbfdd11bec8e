import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { detectContentType } from '../../../platform/files/contentType.ts';
import { cleanFilename } from '../../../platform/files/filename.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import * as q from './queries.ts';
import { requireVisibleTraining } from './service.ts';
import { requireTrainingStaff } from './settings.ts';

/** A textbook of a few hundred pages with figures fits well within it. */
export const MAX_TEXTBOOK_BYTES = 30 * 1024 * 1024;

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
  const now = deps.clock.now();
  const key = `trainings/${trainingId}/textbook-${randomUUID()}`;
  const row = {
    training_id: trainingId,
    filename: cleanFilename(upload.filename),
    size_bytes: upload.data.length,
    sha256: createHash('sha256').update(upload.data).digest('hex'),
    storage_key: key,
    uploaded_by: scope.actor.userId,
    uploaded_at: now,
  };
  await storage.put(key, upload.data);
  let replaced: string | undefined;
  try {
    replaced = await deps.db.transaction().execute(async (trx) => {
      if (!(await q.lockTraining(trx, trainingId))) throw new AppError('NOT_FOUND');
      const before = await q.findTextbook(trx, trainingId);
      await q.putTextbook(trx, row);
      await appendAudit(
        trx,
        context,
        {
          action: 'training.textbook.upload',
          entityType: 'training',
          entityId: trainingId,
          detail: { filename: row.filename, sizeBytes: row.size_bytes, sha256: row.sha256 },
        },
        now,
      );
      return before?.storage_key;
    });
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  if (replaced) await storage.remove(replaced);
  return { filename: row.filename, sizeBytes: row.size_bytes, uploadedAt: now.toISOString() };
}

/** The textbook's bytes, for whoever may see the training. */
export async function readTextbook(deps: Deps, storage: FileStorage, scope: Scope, trainingId: string) {
  await requireVisibleTraining(deps, scope, trainingId);
  const row = await q.findTextbook(deps.db, trainingId);
  const data = row ? await storage.get(row.storage_key) : undefined;
  if (!row || !data) throw new AppError('NOT_FOUND');
  return { filename: row.filename, data };
}
