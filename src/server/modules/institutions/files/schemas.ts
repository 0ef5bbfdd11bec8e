import { z } from 'zod';
import { DocumentTypeSchema, FileKindSchema, Id } from '../common/schemas.ts';

export const FileParams = z.object({ id: Id, fileId: Id });

export const UploadQuery = z
  .object({
    kind: FileKindSchema.describe('document: PDF, JPEG or PNG for the filing; photo: JPEG or PNG for the public page'),
    documentType: DocumentTypeSchema.optional().describe('Required for documents: what the document proves'),
  })
  .refine((q) => (q.kind === 'document') === (q.documentType !== undefined), { message: 'upload.documentType', path: ['documentType'] });

/** Every current photo once, first the one families see first. */
export const PhotoOrder = z.object({
  photoIds: z
    .array(Id)
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'photos.duplicate' }),
});
