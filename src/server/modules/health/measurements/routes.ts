import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loadGrowthTables } from '../../../../domain/growth/loadTables.node.ts';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { correctMeasurement, removeMeasurement } from './change.ts';
import { ChildIdParams, GrowthRecord, MeasurementIdParams, MeasurementInput, MeasurementView } from './schemas.ts';
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
      description:
        'Bad or out-of-range values, values WHO flags as implausible for the age, a future date or one before birth are a 400 ' +
        'naming the field; a value beyond ±3 SD is a 409 MEASUREMENT_NEEDS_CONFIRMATION naming it, unless `confirmed: true`.',
      params: ChildIdParams,
      body: MeasurementInput,
      response: { 201: MeasurementView, 409: ErrorBody, ...ErrorResponses },
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

  app.put('/api/v1/measurements/:id', {
    config: { access },
    schema: {
      tags: ['health'],
      summary: '更正生长测量 Correct an entry, checked as a new one (audited with the values before and after)',
      description: 'The guardian corrects the family’s entries, staff their institution’s (403 for the other side’s).',
      params: MeasurementIdParams,
      body: MeasurementInput,
      response: { 200: MeasurementView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => correctMeasurement(deps, tables, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.delete('/api/v1/measurements/:id', {
    config: { access },
    schema: {
      tags: ['health'],
      summary: '删除生长测量 Remove an entry (audited with what it held)',
      params: MeasurementIdParams,
      response: { 204: z.null(), ...ErrorResponses },
    },
    handler: async (request, reply) => {
      await removeMeasurement(deps, scope(request), request.params.id, auditContext(request));
      return reply.status(204).send(null);
    },
  });
}
