import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { CurrentPlace } from './schemas.ts';
import { getCurrentPlace } from './service.ts';

export async function placementRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/children/:id/place', {
    config: { access: roles('parent', 'institution_admin', 'caregiver') },
    schema: {
      tags: ['enrollment'],
      summary: '在托情况 Where the child is placed now: institution and class (audited)',
      params: IdParams,
      response: { 200: CurrentPlace, ...ErrorResponses },
    },
    handler: (request) => getCurrentPlace(deps, scope(request), request.params.id, auditContext(request)),
  });
}
