import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { loadGrowthTables } from '../../../../domain/growth/loadTables.node.ts';
import type { Deps } from '../../../deps.ts';
import { PUBLIC } from '../../../platform/access/access.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { CurvesQuery, CurvesResponse, ZscoreRequest, ZscoreResponse } from './schemas.ts';
import { growthCurves, growthScores } from './service.ts';

// WHO reference values never change; a week bounds how long a corrected curve takes to reach clients.
const CURVE_CACHE = 'public, max-age=604800, immutable';

/** The public growth calculator and chart lines: no child is named, so nothing is stored or audited. */
export async function growthRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  // Parsed here, once per process (loadGrowthTables caches), so no request pays for it.
  const tables = loadGrowthTables();

  app.post('/api/v1/growth/zscores', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: '生长评价 WHO growth z-scores, percentiles and classification for one measurement',
      description:
        'Give ageDays, or birthDate (and measuredOn, default today in Asia/Shanghai). An indicator that cannot be computed (missing input, age or length outside the WHO table) is absent. Computed as WHO Anthro does.',
      body: ZscoreRequest,
      response: { 200: ZscoreResponse, ...ErrorResponses },
    },
    handler: (request) => growthScores(tables, request.body, todayInShanghai(deps.clock.now())),
  });

  app.get('/api/v1/growth/curves', {
    config: { access: PUBLIC },
    schema: {
      tags: ['health'],
      summary: '生长曲线 WHO −3 … +3 SD lines of one indicator, for charts',
      description: 'x is age in whole days (age indicators, 0–1826) or length/height in cm; the response may be cached for a week.',
      querystring: CurvesQuery,
      response: { 200: CurvesResponse, ...ErrorResponses },
    },
    handler: (request, reply) => {
      const curves = growthCurves(tables, request.query);
      reply.header('cache-control', CURVE_CACHE);
      return curves;
    },
  });
}
