import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams, MonthQuery } from '../common/schemas.ts';
import { IncidentUpdate, IncidentView, NewIncident } from './schemas.ts';
import { createIncident, listChildIncidents, listIncidents, updateIncident } from './service.ts';

export async function incidentRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['daily care'];
  const staff = { access: roles('institution_admin', 'caregiver') };

  app.post('/api/v1/institutions/:id/incidents', {
    config: staff,
    schema: {
      tags,
      summary: '记录意外事件 Record an incident involving children enrolled that day',
      params: IdParams,
      body: NewIncident,
      response: { 201: IncidentView, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createIncident(deps, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.get('/api/v1/institutions/:id/incidents', {
    config: staff,
    schema: {
      tags,
      summary: '意外事件 The institution’s incidents in a month, newest first (audited)',
      params: IdParams,
      querystring: MonthQuery,
      response: { 200: z.object({ items: z.array(IncidentView) }), ...ErrorResponses },
    },
    handler: async (request) => ({
      items: await listIncidents(deps, scope(request), request.params.id, request.query.month, auditContext(request)),
    }),
  });

  app.patch('/api/v1/incidents/:id', {
    config: staff,
    schema: {
      tags,
      summary: '更新意外事件 Record when the parents were told, or what more was done',
      params: IdParams,
      body: IncidentUpdate,
      response: { 200: IncidentView, ...ErrorResponses },
    },
    handler: (request) => updateIncident(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.get('/api/v1/children/:id/incidents', {
    config: { access: roles('parent', 'institution_admin', 'caregiver') },
    schema: {
      tags,
      summary: '幼儿意外事件 Incidents that involved the child (audited)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(IncidentView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listChildIncidents(deps, scope(request), request.params.id, auditContext(request)) }),
  });
}
