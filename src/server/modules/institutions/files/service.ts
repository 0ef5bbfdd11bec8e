import { createHash, randomUUID } from 'node:crypto';
import { type InstitutionStatus, isLockedForEditing } from '../../../../domain/institutions/filingWorkflow.ts';
import type { DocumentType, FileKind } from '../../../../domain/institutions/vocabulary.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { detectContentType, LABELS, UPLOAD_TYPES, type UploadType } from '../../../platform/files/contentType.ts';
import { cleanFilename } from '../../../platform/files/filename.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { fileView } from '../common/presenters.ts';
import { getInstitutionInScope, isPubliclyListed } from '../common/queries.ts';
import { findFile, findListedFile, insertFile, listedPhotoIds, markFileRemoved, setPhotoPositions } from './queries.ts';

/** Upload size limit: scans of certificates and reports fit well within it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const ALLOWED: Record<FileKind, readonly UploadType[]> = { document: UPLOAD_TYPES, photo: ['image/jpeg', 'image/png'] };

type Upload = { kind: FileKind; documentType?: DocumentType | undefined; filename: string; data: Buffer };

/** Documents are part of the filing, frozen while it is in review; nothing changes once closed. */
function assertMayUpload(status: string, kind: FileKind) {
  if (status === 'closed' || (kind === 'document' && isLockedForEditing(status as InstitutionStatus))) {
    throw new AppError('INSTITUTION_LOCKED', { status });
  }
}

/** Refuses early, before the body is read, when the caller could not upload anyway. */
export async function checkMayUpload(deps: Deps, scope: Scope, institutionId: string, kind: FileKind) {
  const institution = await getInstitutionInScope(deps.db, scope, institutionId);
  assertMayUpload(institution.status, kind);
}

/**
 * Stores an upload after checking its content: the type comes from the magic bytes, never from
 * the name. The bytes are written before the row; if the row cannot be written they are removed.
 */
export async function uploadFile(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  upload: Upload,
) {
  if (upload.data.length === 0) throw new AppError('FILE_MISSING');
  const allowed = ALLOWED[upload.kind];
  const contentType = detectContentType(upload.data);
  if (!contentType || !allowed.includes(contentType)) {
    throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: allowed.map((t) => LABELS[t]).join(', ') });
  }
  const now = deps.clock.now();
  const id = randomUUID();
  const key = `institutions/${institutionId}/${id}`;
  await storage.put(key, upload.data);
  try {
    const row = await deps.db.transaction().execute(async (trx) => {
      const institution = await getInstitutionInScope(trx, scope, institutionId, true);
      assertMayUpload(institution.status, upload.kind);
      const inserted = await insertFile(trx, {
        id,
        institution_id: institutionId,
        kind: upload.kind,
        document_type: upload.kind === 'document' ? (upload.documentType ?? 'other') : null,
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
          action: 'institution.file.upload',
          entityType: 'institution',
          entityId: institutionId,
          detail: { fileId: id, kind: upload.kind, documentType: inserted.document_type, contentType, sizeBytes: upload.data.length },
        },
        now,
      );
      return inserted;
    });
    return fileView(row);
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
}

/** A file of an institution in scope, with its bytes. Past filings list removed files too, so they stay readable. */
export async function readFile(deps: Deps, storage: FileStorage, scope: Scope, institutionId: string, fileId: string) {
  await getInstitutionInScope(deps.db, scope, institutionId);
  return readStored(deps, storage, institutionId, fileId, false);
}

/** A photo of a publicly listed institution. */
export async function readPublicPhoto(deps: Deps, storage: FileStorage, institutionId: string, fileId: string) {
  if (!(await isPubliclyListed(deps.db, institutionId))) throw new AppError('NOT_FOUND');
  return readStored(deps, storage, institutionId, fileId, true);
}

async function readStored(deps: Deps, storage: FileStorage, institutionId: string, fileId: string, photoOnly: boolean) {
  const row = await findFile(deps.db, institutionId, fileId, photoOnly);
  const data = row ? await storage.get(row.storage_key) : undefined;
  if (!row || !data) throw new AppError('NOT_FOUND');
  return { row, data };
}

/** Takes a file off the current list; the bytes stay for the filings that list it. */
export async function removeFile(deps: Deps, scope: Scope, context: AuditContext, institutionId: string, fileId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const institution = await getInstitutionInScope(trx, scope, institutionId, true);
    const row = await findListedFile(trx, institutionId, fileId);
    if (!row) throw new AppError('NOT_FOUND');
    assertMayUpload(institution.status, row.kind as FileKind);
    await markFileRemoved(trx, fileId, now);
    await appendAudit(
      trx,
      context,
      { action: 'institution.file.remove', entityType: 'institution', entityId: institutionId, detail: { fileId } },
      now,
    );
  });
}

/**
 * Puts the photos in the director's order. The list must be exactly the photos on the list now:
 * a page that missed an upload or a removal elsewhere is told to reload rather than drop a photo
 * from the order. Uploads and removals take the same institution row lock, so the list checked
 * is the list ordered.
 */
export async function reorderPhotos(deps: Deps, scope: Scope, context: AuditContext, institutionId: string, photoIds: string[]) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const institution = await getInstitutionInScope(trx, scope, institutionId, true);
    assertMayUpload(institution.status, 'photo');
    const listed = new Set(await listedPhotoIds(trx, institutionId));
    if (photoIds.length !== listed.size || !photoIds.every((id) => listed.has(id))) {
      throw fieldError('body.photoIds', 'photos.orderMismatch');
    }
    await setPhotoPositions(trx, institutionId, photoIds);
    await appendAudit(
      trx,
      context,
      { action: 'institution.photos.reorder', entityType: 'institution', entityId: institutionId, detail: { photoIds } },
      now,
    );
  });
}
