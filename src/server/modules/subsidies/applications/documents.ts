import { createHash, randomUUID } from 'node:crypto';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { detectContentType, LABELS, UPLOAD_TYPES } from '../../../platform/files/contentType.ts';
import { cleanFilename } from '../../../platform/files/filename.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { iso } from '../common/schemas.ts';
import * as q from './queries.ts';
import { getApplication } from './service.ts';

/** A supporting document, by its director, while the application can still change (not approved or withdrawn). */
export async function addDocument(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  id: string,
  upload: { filename: string; data: Buffer },
  context: AuditContext,
) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row || !scope.institutionIds.includes(row.institution_id)) throw new AppError('NOT_FOUND');
  if (row.status === 'approved' || row.status === 'withdrawn')
    throw new AppError('SUBSIDY_ACTION_NOT_ALLOWED', { status: row.status, action: 'upload', allowed: '—' });
  if (upload.data.length === 0) throw new AppError('FILE_MISSING');
  const contentType = detectContentType(upload.data);
  if (!contentType) throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: UPLOAD_TYPES.map((t) => LABELS[t]).join(', ') });
  const fileId = randomUUID();
  const key = `subsidy-applications/${id}/${fileId}`;
  const now = deps.clock.now();
  await storage.put(key, upload.data);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await q.insertFile(trx, {
        id: fileId,
        application_id: id,
        filename: cleanFilename(upload.filename),
        content_type: contentType,
        size_bytes: upload.data.length,
        sha256: createHash('sha256').update(upload.data).digest('hex'),
        storage_key: key,
        uploaded_by: scope.actor.userId,
        created_at: now,
      });
      await appendAudit(
        trx,
        context,
        {
          action: 'subsidy_application.upload',
          entityType: 'institution',
          entityId: row.institution_id,
          detail: { applicationId: id, fileId, contentType },
        },
        now,
      );
    });
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  return getApplication(deps, scope, id);
}

export async function readDocument(deps: Deps, storage: FileStorage, scope: Scope, id: string, fileId: string) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  const file = (await q.findFiles(deps.db, [id])).find((f) => f.id === fileId);
  const data = file ? await storage.get(file.storage_key) : undefined;
  if (!file || !data) throw new AppError('NOT_FOUND');
  return { data, contentType: file.content_type, filename: file.filename, at: iso(file.created_at) };
}
