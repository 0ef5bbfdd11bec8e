import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { createScenario, listScenarios } from './scenarios.ts';
import { AccessQuery, AccessResponse, ScenarioBody, ScenarioList, ScenarioView } from './schemas.ts';
import { getAccess } from './service.ts';

const tags = ['oversight: planning'];
const OFFICIALS = roles('district_official', 'city_official', 'admin');

export async function planningRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.get('/api/v1/planning/access', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '可及性 Spatial accessibility of care per township (2SFCA / E2SFCA) and childcare deserts',
      querystring: AccessQuery,
      response: { 200: AccessResponse, ...ErrorResponses },
    },
    handler: (request) => getAccess(deps, scope(request), request.query.divisionCode, request.query),
  });

  app.post('/api/v1/planning/scenarios', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '情景模拟 Save a what-if: places added per township, indicators and accessibility before and after',
      body: ScenarioBody,
      response: { 201: ScenarioView, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createScenario(deps, scope(request), auditContext(request), request.body)),
  });

  app.get('/api/v1/planning/scenarios', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '我的情景 The caller’s own scenarios, newest first',
      response: { 200: ScenarioList, ...ErrorResponses },
    },
    handler: (request) => listScenarios(deps, scope(request)),
  });
}
