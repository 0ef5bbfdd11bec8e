import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { StaffView } from '../common/views.ts';
import { CreateStaffBody, StaffParams, UpdateStaffBody } from './schemas.ts';
import { createStaff, removeStaff, updateStaff } from './service.ts';

const tags = ['institutions: classes and staff'];
const DIRECTOR = roles('institution_admin');

/** The staff roster (工作人员) with certificates, kept by the director. */
export async function staffRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/institutions/:id/staff', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '新增工作人员 Add a staff member with certificates',
      params: InstitutionParams,
      body: CreateStaffBody,
      response: { 201: StaffView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createStaff(deps, scope(request), auditContext(request), request.params.id, request.body)),
  });

  app.patch('/api/v1/institutions/:id/staff/:staffId', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '修改工作人员 Change a staff member; certificates replaces all of them',
      params: StaffParams,
      body: UpdateStaffBody,
      response: { 200: StaffView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) => updateStaff(deps, scope(request), auditContext(request), request.params.id, request.params.staffId, request.body),
  });

  app.delete('/api/v1/institutions/:id/staff/:staffId', {
    config: { access: DIRECTOR },
    schema: {
      tags,
      summary: '工作人员离职 The staff member leaves today',
      params: StaffParams,
      response: { 204: z.null(), ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) => {
      await removeStaff(deps, scope(request), auditContext(request), request.params.id, request.params.staffId);
      return reply.status(204).send(null);
    },
  });
}
