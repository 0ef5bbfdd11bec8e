import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { fileStorage } from '../../../platform/files/fileStorage.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams, TextbookSource } from './schemas.ts';
import { MAX_TEXTBOOK_BYTES, readTextbook, shareTextbook, uploadTextbook } from './textbook.ts';

const tags = ['guidance: trainings'];
const TextbookView = z.object({ filename: z.string(), sizeBytes: z.number().int(), uploadedAt: z.string() });

/** The training's textbook: uploaded by the center, downloaded by whoever sees the training. */
export async function textbookRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const storage = fileStorage(deps.config);

  app.post('/api/v1/trainings/:id/textbook', {
    // The center's staff (the guidance center's directors, by setting) are checked in the service.
    config: { access: roles('institution_admin', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '上传培训教材 Upload the training’s textbook (multipart field "file"), replacing the one before',
      description: `A PDF by its content, at most ${MAX_TEXTBOOK_BYTES / 1024 / 1024} MB: anything else is 415 FILE_TYPE_NOT_ALLOWED, too large is 413, and nothing is stored.`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: TextbookView, ...ErrorResponses, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request, reply) => {
      const part = await request.file({ limits: { fileSize: MAX_TEXTBOOK_BYTES, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING');
      const upload = { filename: part.filename, data: await part.toBuffer() };
      return reply.status(201).send(await uploadTextbook(deps, storage, scope(request), request.params.id, upload, auditContext(request)));
    },
  });

  app.put('/api/v1/trainings/:id/textbook', {
    config: { access: roles('institution_admin', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '共用其他培训的教材 Give the training the textbook already uploaded for another training, replacing its own',
      description:
        'The bytes are shared, not uploaded again. 404 TRAINING_TEXTBOOK_SOURCE_NOT_FOUND (at body.fromTrainingId) when that training does not exist or has no uploaded textbook; nothing changes then.',
      params: IdParams,
      body: TextbookSource,
      response: { 200: TextbookView, ...ErrorResponses },
    },
    handler: async (request) =>
      shareTextbook(deps, storage, scope(request), request.params.id, request.body.fromTrainingId, auditContext(request)),
  });

  app.get('/api/v1/trainings/:id/textbook.pdf', {
    config: { access: roles('institution_admin', 'district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '下载培训教材 The training’s textbook PDF (a director: a training open or with their staff in it)',
      params: IdParams,
      response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const file = await readTextbook(deps, storage, scope(request), request.params.id);
      // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header('cache-control', 'private, max-age=300')
        .send(file.data as unknown as string);
    },
  });
}
