import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { AccessQuery, AccessResponse } from './schemas.ts';
import { getAccess } from './service.ts';

const tags = ['oversight: planning'];

export async function planningRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/planning/access', {
    config: { access: roles('district_official', 'city_official', 'admin') },
    schema: {
      tags,
      summary: '可及性 Spatial accessibility of care per township (2SFCA / E2SFCA) and childcare deserts',
      querystring: AccessQuery,
      response: { 200: AccessResponse, ...ErrorResponses },
    },
    handler: (request) => getAccess(deps, scope(request), request.query.divisionCode, request.query),
  });
}
