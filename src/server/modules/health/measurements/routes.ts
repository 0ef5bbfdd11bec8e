import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { loadGrowthTables } from '../../../../domain/growth/loadTables.node.ts';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { ChildIdParams, GrowthRecord, MeasurementInput, MeasurementView } from './schemas.ts';
import { getGrowthRecord, recordMeasurement } from './service.ts';

/** A child's growth measurements: the guardian, or staff of the institution where the child holds a place. */
export async function measurementRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tables = loadGrowthTables();
  const access = roles('parent', 'institution_admin', 'caregiver');

  app.post('/api/v1/children/:id/measurements', {
    config: { access },
    schema: {
      tags: ['health'],
      summary: '记录生长测量 Record a weight, length or height, and head circumference (audited)',
      description: 'Bad or out-of-range values, a future date or one before birth are a 400 naming the field.',
      params: ChildIdParams,
      body: MeasurementInput,
      response: { 201: MeasurementView, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await recordMeasurement(deps, tables, scope(request), request.params.id, request.body, auditContext(request))),
  });

  app.get('/api/v1/children/:id/measurements', {
    config: { access },
    schema: {
      tags: ['health'],
      summary: '生长记录 The child’s measurements with WHO z-scores, percentiles, classification and flags (audited read)',
      params: ChildIdParams,
      response: { 200: GrowthRecord, ...ErrorResponses },
    },
    handler: (request) => getGrowthRecord(deps, tables, scope(request), request.params.id, auditContext(request)),
  });
}
