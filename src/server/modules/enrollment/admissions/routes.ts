import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams, MonthQuery } from '../common/schemas.ts';
import { acceptOffer } from './acceptOffer.ts';
import { listAgeMoves } from './ageMoves.ts';
import { applyForPlace } from './apply.ts';
import { getBoard } from './board.ts';
import { decideByInstitution } from './decide.ts';
import { endEnrollment, listEnrollments, transferEnrollment } from './enrollments.ts';
import { actByGuardian } from './guardianActions.ts';
import { listMyApplications } from './listApplications.ts';
import { makeOffer } from './makeOffer.ts';
import {
  AgeMoveView,
  ApplicationParams,
  ApplicationView,
  Board,
  EndEnrollment,
  EnrollmentView,
  InstitutionParams,
  NewApplication,
  Offer,
  ParentDecision,
  Transfer,
  WaitlistPriorities,
} from './schemas.ts';
import { setWaitlistPriorities } from './waitlist.ts';

const Responses = { ...ErrorResponses, 409: ErrorBody };

export async function admissionRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const parent = { access: roles('parent') };
  const director = { access: roles('institution_admin') };

  app.post('/api/v1/applications', {
    config: parent,
    schema: {
      tags: ['enrollment'],
      summary: '申请入托 Apply for a place (1–3 institutions in order)',
      body: NewApplication,
      response: { 201: ApplicationView, ...Responses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await applyForPlace(deps, scope(request), request.body, auditContext(request))),
  });

  app.get('/api/v1/applications', {
    config: parent,
    schema: {
      tags: ['enrollment'],
      summary: '我的申请 The guardian’s applications with status and waitlist position',
      response: { 200: z.object({ items: z.array(ApplicationView) }), ...Responses },
    },
    handler: async (request) => ({ items: await listMyApplications(deps, scope(request)) }),
  });

  app.get('/api/v1/institutions/:id/applications', {
    config: director,
    schema: {
      tags: ['enrollment'],
      summary: '申请看板 The institution’s applications board',
      params: InstitutionParams,
      response: { 200: Board, ...Responses },
    },
    handler: (request) => getBoard(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.put('/api/v1/institutions/:id/waitlist-priorities', {
    config: director,
    schema: {
      tags: ['enrollment'],
      summary: '候补优先条件 State the waitlist priorities, highest first; then application time',
      params: InstitutionParams,
      body: WaitlistPriorities,
      response: { 200: WaitlistPriorities, ...Responses },
    },
    handler: (request) => setWaitlistPriorities(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  for (const action of ['waitlist', 'decline'] as const) {
    app.post(`/api/v1/applications/:id/${action}`, {
      config: director,
      schema: {
        tags: ['enrollment'],
        summary: action === 'waitlist' ? '列入候补 Waitlist' : '不予录取 Decline',
        params: ApplicationParams,
        response: { 204: z.null(), ...Responses },
      },
      handler: async (request, reply) => {
        await decideByInstitution(deps, scope(request), request.params.id, action, auditContext(request));
        return reply.status(204).send(null);
      },
    });
  }

  app.post('/api/v1/applications/:id/offer', {
    config: director,
    schema: {
      tags: ['enrollment'],
      summary: '发出录取 Offer a place in a class, with an expiry',
      params: ApplicationParams,
      body: Offer,
      response: { 204: z.null(), ...Responses },
    },
    handler: async (request, reply) => {
      await makeOffer(deps, scope(request), request.params.id, request.body, auditContext(request));
      return reply.status(204).send(null);
    },
  });

  app.post('/api/v1/applications/:id/accept', {
    config: parent,
    schema: {
      tags: ['enrollment'],
      summary: '接受录取 Accept the offer: 200 with the enrollment, or 409 CLASS_FULL',
      params: ApplicationParams,
      body: ParentDecision,
      response: { 200: EnrollmentView, ...Responses },
    },
    handler: (request) => acceptOffer(deps, scope(request), request.params.id, request.body?.institutionId, auditContext(request)),
  });

  for (const [path, action] of [
    ['decline-offer', 'decline_offer'],
    ['withdraw', 'withdraw'],
  ] as const) {
    app.post(`/api/v1/applications/:id/${path}`, {
      config: parent,
      schema: {
        tags: ['enrollment'],
        summary: action === 'withdraw' ? '撤回申请 Withdraw the application' : '放弃录取 Decline the offer',
        params: ApplicationParams,
        body: ParentDecision,
        response: { 204: z.null(), ...Responses },
      },
      handler: async (request, reply) => {
        await actByGuardian(deps, scope(request), request.params.id, action, request.body?.institutionId, auditContext(request));
        return reply.status(204).send(null);
      },
    });
  }

  app.get('/api/v1/institutions/:id/enrolments', {
    config: { access: roles('institution_admin', 'caregiver') },
    schema: {
      tags: ['enrollment'],
      summary: '在托幼儿 Children holding places, by class',
      params: InstitutionParams,
      response: {
        200: z.object({
          items: z.array(
            EnrollmentView.extend({ childName: z.string(), birthDate: z.string() }).omit({ institutionId: true, endDate: true }),
          ),
        }),
        ...Responses,
      },
    },
    handler: async (request) => ({ items: await listEnrollments(deps, scope(request), request.params.id, auditContext(request)) }),
  });

  app.post('/api/v1/enrolments/:id/transfer', {
    config: director,
    schema: {
      tags: ['enrollment'],
      summary: '转班 Move a child to another class',
      params: ApplicationParams,
      body: Transfer,
      response: { 200: EnrollmentView, ...Responses },
    },
    handler: (request) => transferEnrollment(deps, scope(request), request.params.id, request.body.classId, auditContext(request)),
  });

  app.post('/api/v1/enrolments/:id/end', {
    config: director,
    schema: {
      tags: ['enrollment'],
      summary: '离园 End an enrollment (date, reason)',
      params: ApplicationParams,
      body: EndEnrollment,
      response: { 200: EnrollmentView, ...Responses },
    },
    handler: (request) => endEnrollment(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.get('/api/v1/institutions/:id/age-moves', {
    config: { access: roles('institution_admin', 'caregiver') },
    schema: {
      tags: ['enrollment'],
      summary: '月龄升班/离园 Children who must move up (12, 24 months) or leave (3 years) in the month (audited)',
      params: IdParams,
      querystring: MonthQuery,
      response: { 200: z.object({ items: z.array(AgeMoveView) }), ...ErrorResponses },
    },
    handler: async (request) => ({
      items: await listAgeMoves(deps, scope(request), request.params.id, request.query.month, auditContext(request)),
    }),
  });
}
