import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { fileStorage } from '../../../platform/files/fileStorage.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { FileView } from '../common/views.ts';
import { FileParams, PhotoOrder, UploadQuery } from './schemas.ts';
import { checkMayUpload, MAX_UPLOAD_BYTES, readFile, readPublicPhoto, removeFile, reorderPhotos, uploadFile } from './service.ts';

const tags = ['institutions: files'];

/**
 * Every stored file is a PDF, JPEG or PNG by its own bytes (never by its name), so it opens in
 * the browser: a reviewer reads a document in a new tab instead of downloading it. nosniff (from
 * helmet) and the strict CSP still hold for these answers.
 */
function sendBytes(reply: FastifyReply, file: { row: { content_type: string; filename: string }; data: Buffer }) {
  reply.header('content-type', file.row.content_type);
  reply.header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.row.filename)}`);
  reply.header('cache-control', 'private, max-age=300');
  return reply.send(file.data);
}

/** Filing documents and photos: uploaded by the director, read within scope, photos public. */
export async function fileRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const storage = fileStorage(deps.config);

  app.post('/api/v1/institutions/:id/files', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '上传材料或照片 Upload a filing document or a photo (multipart field "file")',
      description: `At most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. The type is detected from the content: documents PDF, JPEG or PNG; photos JPEG or PNG. Anything else is 415 FILE_TYPE_NOT_ALLOWED, too large is 413, and nothing is stored.`,
      consumes: ['multipart/form-data'],
      params: InstitutionParams,
      querystring: UploadQuery,
      response: { 201: FileView, ...ErrorResponses, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request, reply) => {
      await checkMayUpload(deps, scope(request), request.params.id, request.query.kind);
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING');
      const data = await part.toBuffer();
      const view = await uploadFile(deps, storage, scope(request), auditContext(request), request.params.id, {
        kind: request.query.kind,
        documentType: request.query.documentType,
        filename: part.filename,
        data,
      });
      return reply.status(201).send(view);
    },
  });

  // Filing documents are for the institution and the officials who review it; the admin runs the system, not filings.
  app.get('/api/v1/institutions/:id/files/:fileId', {
    config: { access: roles('institution_admin', 'district_official', 'city_official') },
    schema: {
      tags,
      summary: '查看材料 Open a document or photo (inline) of the caller’s institution or one they review',
      params: FileParams,
      produces: ['application/pdf', 'image/jpeg', 'image/png'],
      response: { ...ErrorResponses },
    },
    handler: async (request, reply) =>
      sendBytes(reply, await readFile(deps, storage, scope(request), request.params.id, request.params.fileId)),
  });

  app.get('/api/v1/institutions/:id/photos/:fileId', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '机构照片 A photo of a filed institution (public)',
      params: FileParams,
      produces: ['image/jpeg', 'image/png'],
      response: { ...ErrorResponses },
    },
    handler: async (request, reply) => sendBytes(reply, await readPublicPhoto(deps, storage, request.params.id, request.params.fileId)),
  });

  app.put('/api/v1/institutions/:id/photos/order', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '调整照片顺序 Put the photos in order: the first is the one families see first',
      description: 'photoIds lists every current photo exactly once; any other list is 400 VALIDATION_FAILED at body.photoIds.',
      params: InstitutionParams,
      body: PhotoOrder,
      response: { 204: z.null(), ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      await reorderPhotos(deps, scope(request), auditContext(request), request.params.id, request.body.photoIds);
      return reply.status(204).send(null);
    },
  });

  app.delete('/api/v1/institutions/:id/files/:fileId', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '删除材料或照片 Take a document or photo off the list',
      params: FileParams,
      response: { 204: z.null(), ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      await removeFile(deps, scope(request), auditContext(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  });
}
