import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { trainingCertificateFile } from './certificatePdf.ts';
import { closeTraining, updateTraining, withdrawEnrolment } from './changes.ts';
import {
  AttendanceBody,
  CertificateView,
  CodeParams,
  EnrolBody,
  EnrolmentParams,
  IdParams,
  NewTraining,
  NewTrainingSession,
  RevokeBody,
  SessionParams,
  SessionTimeBody,
  Shortfall,
  ShortfallQuery,
  TrainingDetail,
  TrainingHours,
  TrainingSessionView,
  TrainingSettings,
  TrainingView,
  Verification,
  YearQuery,
} from './schemas.ts';
import {
  addSession,
  completeEnrolment,
  createTraining,
  enrol,
  getTraining,
  listTrainings,
  recordAttendance,
  revokeCertificate,
  trainingHours,
  trainingShortfall,
  verifyCertificate,
} from './service.ts';
import { moveTrainingSession } from './sessionMove.ts';
import { getTrainingSettings, updateTrainingSettings } from './settings.ts';

const tags = ['guidance: trainings'];
const Responses = { ...ErrorResponses, 409: ErrorBody, 422: ErrorBody };

export async function trainingRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  // The center's staff (the guidance center's directors, by setting) are checked in the service.
  const managers = { access: roles('institution_admin', 'city_official', 'admin') };
  const readers = { access: roles('institution_admin', 'district_official', 'city_official', 'admin') };
  // The printed and shown link must lead to the city's own site, whatever Host the request came with.
  const origin = (request: FastifyRequest) => deps.config.publicOrigins[0] ?? `${request.protocol}://${request.host}`;

  app.get('/api/v1/trainings', {
    config: readers,
    schema: {
      tags,
      summary: '培训列表 Trainings: all for the center and officials, open ones (and their staff’s) for a director',
      response: {
        200: z.object({ items: z.array(TrainingView), canManage: z.boolean().describe('Center staff or city official') }),
        ...Responses,
      },
    },
    handler: (request) => listTrainings(deps, scope(request)),
  });

  app.get('/api/v1/trainings/:id', {
    config: readers,
    schema: {
      tags,
      summary: '培训详情 A training with its sessions and enrolments (a director sees their own staff)',
      params: IdParams,
      response: { 200: TrainingDetail, ...Responses },
    },
    handler: (request) => getTraining(deps, scope(request), request.params.id, origin(request)),
  });

  app.post('/api/v1/trainings', {
    config: managers,
    schema: {
      tags,
      summary: '新建培训 Schedule a training (guidance center staff, city officials)',
      body: NewTraining,
      response: { 201: TrainingView, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createTraining(deps, scope(request), request.body, auditContext(request))),
  });

  app.post('/api/v1/trainings/:id/sessions', {
    config: managers,
    schema: {
      tags,
      summary: '新增培训课次 Add a session with its hours',
      params: IdParams,
      body: NewTrainingSession,
      response: { 201: TrainingSessionView, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await addSession(deps, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.put('/api/v1/trainings/:id', {
    config: managers,
    schema: {
      tags,
      summary: '修改培训 Change a training (not its audience; not its required hours once a certificate is issued)',
      params: IdParams,
      body: NewTraining,
      response: { 200: TrainingDetail, ...Responses },
    },
    handler: (request) => updateTraining(deps, scope(request), request.params.id, request.body, origin(request), auditContext(request)),
  });

  app.post('/api/v1/trainings/:id/close', {
    config: managers,
    schema: {
      tags,
      summary: '停止报名 Close a training to enrolments; the directors of those enrolled are told',
      params: IdParams,
      response: { 200: TrainingDetail, ...Responses },
    },
    handler: (request) => closeTraining(deps, scope(request), request.params.id, origin(request), auditContext(request)),
  });

  app.post('/api/v1/trainings/:id/enrolments/:enrolmentId/withdraw', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '退出培训 A director withdraws their staff member before completion',
      params: EnrolmentParams,
      response: { 200: z.object({ id: z.string(), status: z.literal('withdrawn') }), ...Responses },
    },
    handler: (request) => withdrawEnrolment(deps, scope(request), request.params, auditContext(request)),
  });

  app.post('/api/v1/trainings/:id/enrolments', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '报名培训 A director enrols a member of their own staff',
      params: IdParams,
      body: EnrolBody,
      response: { 201: z.object({ id: z.string(), staffId: z.string(), status: z.literal('enrolled') }), ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await enrol(deps, scope(request), request.params.id, request.body.staffId, auditContext(request))),
  });

  app.put('/api/v1/trainings/:id/sessions/:sessionId/attendance', {
    config: managers,
    schema: {
      tags,
      summary: '培训考勤 Record who attended a session that has started',
      params: SessionParams,
      body: AttendanceBody,
      response: { 200: z.object({ sessionId: z.string(), present: z.array(z.string()) }), ...Responses },
    },
    handler: (request) => recordAttendance(deps, scope(request), request.params, request.body.enrolmentIds, auditContext(request)),
  });

  app.put('/api/v1/trainings/:id/sessions/:sessionId/time', {
    config: managers,
    schema: {
      tags,
      summary:
        '调整培训课次时间 Move a session not yet started to a new time (not in the past); the directors of the staff enrolled are told',
      params: SessionParams,
      body: SessionTimeBody,
      response: { 200: TrainingSessionView, ...Responses },
    },
    handler: (request) => moveTrainingSession(deps, scope(request), request.params, request.body, auditContext(request)),
  });

  app.post('/api/v1/trainings/:id/enrolments/:enrolmentId/complete', {
    config: managers,
    schema: {
      tags,
      summary: '结业并发证 Complete an enrolment whose hours are attended; the certificate is issued with it',
      params: EnrolmentParams,
      response: { 201: CertificateView, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await completeEnrolment(deps, scope(request), request.params, origin(request), auditContext(request))),
  });

  app.post('/api/v1/training-certificates/:id/revoke', {
    config: managers,
    schema: {
      tags,
      summary: '撤销培训证书 Withdraw a training certificate, with a reason',
      params: IdParams,
      body: RevokeBody,
      response: { 200: CertificateView, ...Responses },
    },
    handler: (request) =>
      revokeCertificate(deps, scope(request), request.params.id, request.body.reason, origin(request), auditContext(request)),
  });

  app.get('/api/v1/training-certificates/:id/certificate.pdf', {
    // Directors are narrowed to their own staff's certificates in the service (404 otherwise).
    config: managers,
    schema: {
      tags,
      summary: '下载培训证书 The certificate as a PDF: the holder’s masked name, hours, number, verification code and its QR code',
      params: IdParams,
      response: { 200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } }, ...Responses },
    },
    handler: async (request, reply) => {
      const file = await trainingCertificateFile(deps, scope(request), request.params.id, origin(request));
      // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data as unknown as string);
    },
  });

  app.get('/api/v1/public/training-certificates/:code', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '培训证书核验 Check a training certificate by its code (public; the holder’s name is masked)',
      params: CodeParams,
      response: { 200: Verification, ...Responses },
    },
    handler: (request) => verifyCertificate(deps, request.params.code),
  });

  app.get('/api/v1/training-hours', {
    config: { access: roles('institution_admin') },
    schema: {
      tags,
      summary: '本年度培训学时 A director’s staff with the hours completed in the year (Asia/Shanghai) and their qualification',
      querystring: YearQuery,
      response: { 200: TrainingHours, ...Responses },
    },
    handler: (request) => trainingHours(deps, scope(request), request.query.year, origin(request)),
  });

  app.get('/api/v1/training-shortfall', {
    config: { access: roles('district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '培训与资质缺口 Institutions whose staff fall short of the yearly hours or lack a valid childcare qualification',
      querystring: ShortfallQuery,
      response: { 200: Shortfall, ...Responses },
    },
    handler: (request) => trainingShortfall(deps, scope(request), request.query),
  });

  app.get('/api/v1/training-settings', {
    config: { access: roles('city_official') },
    schema: { tags, summary: '培训设置 The yearly training hours per member of staff', response: { 200: TrainingSettings, ...Responses } },
    handler: () => getTrainingSettings(deps),
  });

  app.put('/api/v1/training-settings', {
    config: { access: roles('city_official') },
    schema: {
      tags,
      summary: '修改培训设置 Change the yearly training hours',
      body: TrainingSettings,
      response: { 200: TrainingSettings, ...Responses },
    },
    handler: (request) => updateTrainingSettings(deps, auditContext(request), request.body),
  });
}
