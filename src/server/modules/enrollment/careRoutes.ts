import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { roles } from '../../platform/access/access.ts';
import { auditContext, scope } from '../../platform/access/plugin.ts';
import { ErrorResponses } from '../../platform/http/errorSchemas.ts';
import { AgeMoveView } from './ageMoveSchemas.ts';
import { listAgeMoves } from './ageMoveService.ts';
import { attendanceRoutes } from './attendanceRoutes.ts';
import { IdParams, MonthQuery } from './careSchemas.ts';
import type { EnrollmentHooks } from './hooks.ts';
import { incidentRoutes } from './incidentRoutes.ts';
import { pickupRoutes } from './pickupRoutes.ts';
import { statementRoutes } from './statementRoutes.ts';

/** Daily care and fees (README.md "Daily care and fees"): pick-up, attendance, morning checks, incidents, statements, age moves. */
export async function careRoutes(server: FastifyInstance, deps: Deps, hooks: EnrollmentHooks) {
  await pickupRoutes(server, deps);
  await attendanceRoutes(server, deps, hooks);
  await incidentRoutes(server, deps);
  await statementRoutes(server, deps);

  const app = server.withTypeProvider<ZodTypeProvider>();
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
