import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { scope } from '../../../platform/access/plugin.ts';
import { XLSX } from '../../../platform/files/spreadsheet.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { AnswerCache } from './answerCache.ts';
import { IndicatorsQuery, IndicatorsResponse, PublicIndicatorsResponse, PublicQuery, SeriesQuery, SeriesResponse } from './schemas.ts';
import {
  exportIndicators,
  getIndicatorSeries,
  getIndicators,
  getPublicIndicators,
  type IndicatorsCache,
  type PublicIndicatorsCache,
} from './service.ts';

const tags = ['oversight: indicators'];
/** District officials see their district and below (else 404); the city and admin all of it. */
const OFFICIALS = roles('district_official', 'city_official', 'admin');

export async function indicatorRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  // Per app, since each app may have its own database.
  const answers: IndicatorsCache = new AnswerCache();
  const publicAnswers: PublicIndicatorsCache = new AnswerCache();

  app.get('/api/v1/indicators', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '指标 Indicators of a division and its children as of a date, against the targets',
      querystring: IndicatorsQuery,
      response: { 200: IndicatorsResponse, ...ErrorResponses },
    },
    handler: (request) => getIndicators(deps, answers, scope(request), request.query.divisionCode, request.query.date),
  });

  app.get('/api/v1/indicators.xlsx', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '导出指标 The division and every division below it as an Excel workbook: indicators, targets and gaps',
      querystring: IndicatorsQuery,
      response: {
        200: { description: 'One row per division', content: { [XLSX]: { schema: z.string().describe('.xlsx file') } } },
        ...ErrorResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await exportIndicators(deps, scope(request), request.query.divisionCode, request.query.date);
      // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data as unknown as string);
    },
  });

  app.get('/api/v1/indicators/series', {
    config: { access: OFFICIALS },
    schema: {
      tags,
      summary: '指标趋势 Monthly indicators of a division, as of each month’s last day',
      querystring: SeriesQuery,
      response: { 200: SeriesResponse, ...ErrorResponses },
    },
    handler: (request) => getIndicatorSeries(deps, scope(request), request.query.divisionCode, request.query.from, request.query.to),
  });

  app.get('/api/v1/public/indicators', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '公开指标 Places, places per 1,000, inclusive share and township coverage of the city or a district',
      querystring: PublicQuery,
      response: { 200: PublicIndicatorsResponse, ...ErrorResponses },
    },
    handler: (request) => getPublicIndicators(deps, publicAnswers, request.query.divisionCode),
  });
}
