import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import { PUBLIC } from '../../../platform/access/access.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { AssessRequest, AssessResponse, ScheduleQuery, ScheduleResponse, WarningSignsQuery, WarningSignsResponse } from './schemas.ts';
import { assessWarningSigns, healthCheckSchedule, warningSigns } from './service.ts';

/**
 * Child health-check schedule and developmental warning signs, public: they take a birth date
 * or an age, never a child's identity, so nothing is stored or audited.
 */
export async function developmentRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const today = () => todayInShanghai(deps.clock.now());

  app.get('/api/v1/health-checks/schedule', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: '儿童健康检查时间表 The national 0–3 health-check schedule for a birth date',
      querystring: ScheduleQuery,
      response: { 200: ScheduleResponse, ...ErrorResponses },
    },
    handler: (request) => healthCheckSchedule(request.query, today()),
  });

  app.get('/api/v1/warning-signs', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: '发育预警征象 Developmental warning-sign checklists, and the one for an age',
      querystring: WarningSignsQuery,
      response: { 200: WarningSignsResponse, ...ErrorResponses },
    },
    handler: (request) => warningSigns(request.query, today()),
  });

  app.post('/api/v1/warning-signs/assess', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: '预警征象评估 Referral advice for the signs ticked on the checklist for an age',
      body: AssessRequest,
      response: { 200: AssessResponse, ...ErrorResponses },
    },
    handler: (request) => assessWarningSigns(request.body),
  });
}
