import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { InstitutionParams } from '../common/schemas.ts';
import { DesignationView } from '../common/views.ts';
import { DesignationParams, GrantDesignationBody, RevokeDesignationBody } from './schemas.ts';
import { grantDesignation, revokeDesignation } from './service.ts';

const tags = ['institutions: designations'];
const CITY = roles('city_official');

/** Designations (普惠 / 试点 / 示范), granted and revoked by the city health commission. */
export async function designationRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/institutions/:id/designations', {
    config: { access: CITY },
    schema: {
      tags,
      summary: '认定 Grant a designation: inclusive (price caps, agreement period), pilot or demonstration',
      params: InstitutionParams,
      body: GrantDesignationBody,
      response: { 201: DesignationView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await grantDesignation(deps, scope(request), auditContext(request), request.params.id, request.body)),
  });

  app.post('/api/v1/institutions/:id/designations/:designationId/revoke', {
    config: { access: CITY },
    schema: {
      tags,
      summary: '撤销认定 Revoke a designation with a reason',
      params: DesignationParams,
      body: RevokeDesignationBody,
      response: { 200: DesignationView, ...ErrorResponses, 409: ErrorBody },
    },
    handler: (request) =>
      revokeDesignation(deps, scope(request), auditContext(request), request.params.id, request.params.designationId, request.body),
  });
}
