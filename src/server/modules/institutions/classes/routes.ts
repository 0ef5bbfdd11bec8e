import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { ClassView } from '../common/views.ts';
import { ClassParams, CreateClassBody, UpdateClassBody } from './schemas.ts';
import { createClass, removeClass, updateClass } from './service.ts';

const tags = ['institutions: classes and staff'];
const DIRECTOR = roles('institution_admin');

/** The class plan (班级设置), kept by the director. */
export async function classRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/institutions/:id/classes', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '新增班级 Add a class (type, name, places, caregivers)',
      params: InstitutionParams,
      body: CreateClassBody,
      response: { 201: ClassView, ...ErrorResponses, 409: ErrorBody, 422: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createClass(deps, scope(request), auditContext(request), request.params.id, request.body)),
  });

  app.patch('/api/v1/institutions/:id/classes/:classId', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '修改班级 Change a class; caregiverIds replaces its caregivers',
      params: ClassParams,
      body: UpdateClassBody,
      response: { 200: ClassView, ...ErrorResponses, 409: ErrorBody, 422: ErrorBody },
    },
    handler: (request) => updateClass(deps, scope(request), auditContext(request), request.params.id, request.params.classId, request.body),
  });

  app.delete('/api/v1/institutions/:id/classes/:classId', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '撤销班级 Remove a class from the plan',
      description: 'Refused with 409 CLASS_HAS_CHILDREN while children are enrolled in the class or hold an offer of a place in it.',
      params: ClassParams,
      response: { 204: z.null(), ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      await removeClass(deps, scope(request), auditContext(request), request.params.id, request.params.classId);
      return reply.status(204).send(null);
    },
  });
}
