import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { fieldError } from '../../../platform/errors/AppError.ts';
import { fileStorage } from '../../../platform/files/fileStorage.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { sendPhoto } from '../photos.ts';
import { publicInspectionHistory } from './publicHistory.ts';
import { publicInspectionStatuses } from './publicStatus.ts';
import { decide, listRectifications, MAX_PHOTO_BYTES, readEvidencePhoto, submitEvidence } from './rectifications.ts';
import { getInspection, listInspections, readItemPhoto, recordResults } from './results.ts';
import {
  DecisionBody,
  EvidenceText,
  IdParams,
  InspectionListQuery,
  InspectionSummaryView,
  InspectionView,
  ItemPhotoParams,
  PublicHistoryView,
  PublicStatusView,
  RectificationQuery,
  RectificationView,
  ResultsBody,
  StatusQuery,
} from './schemas.ts';

const tags = ['supervision: inspections'];
const READERS = roles('district_official', 'city_official', 'admin', 'institution_admin');

/** Reads the multipart evidence: a `text` field and an optional `photo` file; nothing else. */
async function readEvidence(request: FastifyRequest) {
  let text: string | undefined;
  let photo: { data: Buffer } | undefined;
  for await (const part of request.parts({ limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'photo') throw fieldError(`body.${part.fieldname}`, 'field.required');
      const data = await part.toBuffer();
      if (data.length > 0) photo = { data };
    } else if (part.fieldname === 'text') text = String(part.value);
  }
  const parsed = EvidenceText.safeParse(text ?? '');
  if (!parsed.success) throw fieldError('body.text', 'field.required');
  return { text: parsed.data, photo };
}

/** Inspections' results, their rectifications, and the public history. */
export async function resultRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const storage = fileStorage(deps.config);

  app.get('/api/v1/inspections', {
    config: { access: READERS },
    schema: {
      tags,
      summary: '检查列表 A district’s inspections (officials), or the caller’s institution’s (director)',
      querystring: InspectionListQuery,
      response: { 200: z.array(InspectionSummaryView), ...ErrorResponses },
    },
    handler: (request) => listInspections(deps, scope(request), request.query),
  });

  app.get('/api/v1/inspections/:id', {
    config: { access: READERS },
    schema: {
      tags,
      summary: '检查详情 An inspection: checklist, results per item, rectifications',
      params: IdParams,
      response: { 200: InspectionView, ...ErrorResponses },
    },
    handler: (request) => getInspection(deps, scope(request), request.params.id),
  });

  app.get('/api/v1/inspections/:id/photos/:photoId', {
    config: { access: READERS },
    schema: {
      tags,
      summary: '检查照片 A photo of a failed item, for the district, the city and the institution’s director',
      params: ItemPhotoParams,
      produces: ['image/jpeg', 'image/png'],
      response: { ...ErrorResponses },
    },
    handler: async (request, reply) =>
      sendPhoto(reply, await readItemPhoto(deps, storage, scope(request), request.params.id, request.params.photoId)),
  });

  app.post('/api/v1/inspections/:id/results', {
    config: { access: roles('district_official') },
    // Up to ten photos of 200 KB, base64, besides the texts.
    bodyLimit: 4 * 1024 * 1024,
    schema: {
      tags,
      summary: '录入检查结果 Record results per item, the overall result and a rectification (requirement, deadline) per failure',
      params: IdParams,
      body: ResultsBody,
      response: { 200: InspectionView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => recordResults(deps, storage, scope(request), auditContext(request), request.params.id, request.body),
  });

  app.get('/api/v1/rectifications', {
    config: { access: READERS },
    schema: {
      tags,
      summary: '整改列表 A district’s rectifications (overdue=true: only the overdue), or the director’s own',
      querystring: RectificationQuery,
      response: { 200: z.array(RectificationView), ...ErrorResponses },
    },
    handler: (request) => listRectifications(deps, scope(request), request.query),
  });

  app.post('/api/v1/rectifications/:id/evidence', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '提交整改材料 Upload evidence: multipart field "text" and optionally "photo" (JPEG or PNG by content)',
      consumes: ['multipart/form-data'],
      params: IdParams,
      response: { 200: RectificationView, ...ErrorResponses, 409: ErrorBody, 413: ErrorBody, 415: ErrorBody },
    },
    handler: async (request) => {
      const evidence = await readEvidence(request);
      return submitEvidence(deps, storage, scope(request), auditContext(request), request.params.id, evidence);
    },
  });

  app.get('/api/v1/rectifications/:id/evidence/:evidenceId/photo', {
    config: { access: READERS },
    schema: {
      tags,
      summary: '整改照片 The photo of one piece of evidence',
      params: z.object({ id: z.uuid(), evidenceId: z.uuid() }),
      produces: ['image/jpeg', 'image/png'],
      response: { ...ErrorResponses },
    },
    handler: async (request, reply) =>
      sendPhoto(reply, await readEvidencePhoto(deps, storage, scope(request), request.params.id, request.params.evidenceId)),
  });

  app.post('/api/v1/rectifications/:id/decision', {
    config: { access: roles('district_official') },
    schema: {
      tags,
      summary: '审核整改 Accept the evidence, or send it back with a reason',
      params: IdParams,
      body: DecisionBody,
      response: { 200: RectificationView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => decide(deps, scope(request), auditContext(request), request.params.id, request.body),
  });

  app.get('/api/v1/public/institutions/:id/inspections', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '公开检查结果 An institution’s inspection history for its public page',
      params: IdParams,
      response: { 200: PublicHistoryView, ...ErrorResponses },
    },
    handler: (request) => publicInspectionHistory(deps.db, request.params.id),
  });

  // The finder asks once for the page of results it shows, so the search itself stays an answer
  // from the institutions' memory index and never waits on supervision's tables.
  app.get('/api/v1/public/inspection-statuses', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '检查状态 The latest inspection result and open rectification of each listed institution asked about',
      querystring: StatusQuery,
      response: { 200: PublicStatusView, ...ErrorResponses },
    },
    handler: (request) => publicInspectionStatuses(deps.db, request.query.institutionIds),
  });
}
