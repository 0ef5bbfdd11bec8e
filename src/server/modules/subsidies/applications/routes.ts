import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { fileStorage } from '../../../platform/files/fileStorage.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { applyForSubsidy } from './apply.ts';
import { addDocument, readDocument } from './documents.ts';
import { ApplicationQuery, ApplyBody, FileParams, SubsidyApplicationView, TransitionBody } from './schemas.ts';
import { getApplication, listApplications } from './service.ts';
import { transition } from './transition.ts';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const REVIEWERS = roles('institution_admin', 'district_official', 'city_official', 'admin');

/** Institution subsidy applications (机构补贴申请) with district → city review and documents. */
export async function applicationRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['institution subsidies'];
  const storage = fileStorage(deps.config);

  app.post('/api/v1/institutions/:id/subsidy-applications', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '申请机构补贴 Apply for a social insurance, new-place or operating subsidy (filed institutions)',
      params: IdParams,
      body: ApplyBody,
      response: { 201: SubsidyApplicationView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await applyForSubsidy(deps, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.get('/api/v1/institutions/:id/subsidy-applications', {
    config: { access: REVIEWERS },
    schema: {
      tags,
      summary: '本机构补贴申请 The institution’s applications',
      params: IdParams,
      response: { 200: z.object({ items: z.array(SubsidyApplicationView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listApplications(deps, scope(request), { institutionId: request.params.id }) }),
  });

  app.get('/api/v1/subsidy-applications', {
    config: { access: REVIEWERS },
    schema: {
      tags,
      summary: '补贴申请 Applications in my scope (district: its institutions; city: all), newest first',
      querystring: ApplicationQuery,
      response: { 200: z.object({ items: z.array(SubsidyApplicationView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listApplications(deps, scope(request), request.query) }),
  });

  app.get('/api/v1/subsidy-applications/:id', {
    config: { access: REVIEWERS },
    schema: {
      tags,
      summary: '申请详情 One application with its review history and documents',
      params: IdParams,
      response: { 200: SubsidyApplicationView, ...ErrorResponses },
    },
    handler: (request) => getApplication(deps, scope(request), request.params.id),
  });

  app.post('/api/v1/subsidy-applications/:id/transitions', {
    config: { access: roles('institution_admin', 'district_official', 'city_official') },
    schema: {
      tags,
      summary:
        '审核/退回/重新提交/撤回 Take a review step: district_approve, district_return, city_approve (amountFen), city_return, resubmit, withdraw',
      description:
        '403 when the step is not the caller’s; 409 SUBSIDY_ACTION_NOT_ALLOWED with the allowed actions when the status does not offer it.',
      params: IdParams,
      body: TransitionBody,
      response: { 200: SubsidyApplicationView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => transition(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.post('/api/v1/subsidy-applications/:id/files', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '上传材料 Attach a supporting document (multipart field "file"; PDF, JPEG or PNG by content)',
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 201: SubsidyApplicationView, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const part = await request.file({ limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
      if (!part) throw new AppError('FILE_MISSING');
      const view = await addDocument(
        deps,
        storage,
        scope(request),
        request.params.id,
        { filename: part.filename, data: await part.toBuffer() },
        auditContext(request),
      );
      return reply.status(201).send(view);
    },
  });

  app.get('/api/v1/subsidy-applications/:id/files/:fileId', {
    config: { access: REVIEWERS },
    schema: {
      tags,
      summary: '下载材料 Download a supporting document',
      params: FileParams,
      produces: ['application/pdf', 'image/jpeg', 'image/png'],
      response: { ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const file = await readDocument(deps, storage, scope(request), request.params.id, request.params.fileId);
      // Fastify sends a Buffer as it is; the type provider only knows the declared error bodies.
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .send(file.data as unknown as { error: { code: string; message: string } });
    },
  });
}
