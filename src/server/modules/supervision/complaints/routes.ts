import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles, SIGNED_IN } from '../../../platform/access/access.ts';
import { actorOf, auditContext, scope } from '../../../platform/access/plugin.ts';
import { fileStorage } from '../../../platform/files/fileStorage.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { sendPhoto } from '../photos.ts';
import {
  ComplaintList,
  ComplaintListQuery,
  ComplaintParams,
  ComplaintView,
  PhotoParams,
  RatingBody,
  SubmitComplaintBody,
  SubmittedComplaint,
  TransitionBody,
} from './schemas.ts';
import { complainantOf, listComplaints, rateComplaint, readComplaintPhoto, submitComplaint, transitionComplaint } from './service.ts';

const tags = ['supervision: complaints'];
const OFFICIALS = roles('district_official', 'city_official', 'admin');

/** Complaints (投诉): anyone files one, the district (or the city) handles it within working-day deadlines, the complainant follows and rates it. */
export async function complaintRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const storage = fileStorage(deps.config);

  app.post('/api/v1/complaints', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '投诉 Complain about an institution: signed in, or with a phone number and its SMS code (purpose `complaint`)',
      body: SubmitComplaintBody,
      response: { 201: SubmittedComplaint, ...ErrorResponses, 422: ErrorBody },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(await submitComplaint(deps, storage, complainantOf(request.actor, request.body), auditContext(request), request.body)),
  });

  app.get('/api/v1/complaints', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary:
        '投诉列表 Officials: their district’s queue (the city: every district’s), overdue flagged. Anyone else (or `mine=true`): their own',
      querystring: ComplaintListQuery,
      response: { 200: ComplaintList, ...ErrorResponses },
    },
    handler: (request) => listComplaints(deps, scope(request), request.query),
  });

  app.post('/api/v1/complaints/:id/transitions', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '办理投诉 accept · extend (reason) · resolve (answer, upheld) · reject (reason) · escalate to the city (reason)',
      params: ComplaintParams,
      body: TransitionBody,
      response: { 200: ComplaintView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => transitionComplaint(deps, scope(request), auditContext(request), request.params.id, request.body),
  });

  app.post('/api/v1/complaints/:id/rating', {
    config: { access: SIGNED_IN },
    schema: {
      tags,
      summary: '评价 The complainant rates the handling (1–5, comment), once, after it is resolved',
      params: ComplaintParams,
      body: RatingBody,
      response: { 200: ComplaintView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => rateComplaint(deps, actorOf(request), scope(request), auditContext(request), request.params.id, request.body),
  });

  app.get('/api/v1/complaints/:id/photos/:photoId', {
    config: { access: SIGNED_IN },
    schema: { tags, summary: '投诉照片 A photo of a complaint, for its officials and its complainant', params: PhotoParams },
    handler: async (request, reply) =>
      sendPhoto(reply, await readComplaintPhoto(deps, storage, scope(request), request.params.id, request.params.photoId)),
  });
}
