import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { ChildParams } from '../common/schemas.ts';
import { AccessLogEntry, ChildView, NewChild } from './schemas.ts';
import { addChild, getAccessLog, getChild, listMyChildren } from './service.ts';

export async function childRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/children', {
    config: { access: roles('parent') },
    schema: {
      tags: ['enrollment'],
      summary: '添加幼儿 A guardian adds a child, with consent',
      body: NewChild,
      response: { 201: ChildView, 409: ErrorResponses[400], ...ErrorResponses },
    },
    handler: async (request, reply) => reply.status(201).send(await addChild(deps, scope(request), request.body, auditContext(request))),
  });

  app.get('/api/v1/children', {
    config: { access: roles('parent') },
    schema: {
      tags: ['enrollment'],
      summary: '我的幼儿 The guardian’s children',
      response: { 200: z.object({ items: z.array(ChildView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listMyChildren(deps, scope(request), auditContext(request)) }),
  });

  app.get('/api/v1/children/:id', {
    config: { access: roles('parent', 'institution_admin', 'caregiver') },
    schema: {
      tags: ['enrollment'],
      summary: '幼儿档案 One child (audited read)',
      params: ChildParams,
      response: { 200: ChildView, ...ErrorResponses },
    },
    handler: (request) => getChild(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.get('/api/v1/children/:id/access-log', {
    config: { access: roles('parent') },
    schema: {
      tags: ['enrollment'],
      summary: '查阅记录 Who read or changed the child’s record, newest first',
      params: ChildParams,
      response: { 200: z.object({ items: z.array(AccessLogEntry) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await getAccessLog(deps, scope(request), request.params.id) }),
  });
}
