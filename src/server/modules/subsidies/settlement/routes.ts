import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { XLSX } from '../../../platform/files/spreadsheet.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams, MonthQuery } from '../common/schemas.ts';
import { PaySettlement, RunResult, RunSettlement, SettlementDetail, SettlementQuery, SettlementView } from './schemas.ts';
import { exportSettlements, getSettlement, listSettlements, paySettlement, runSettlement } from './service.ts';

const CITY = { access: roles('city_official') };
const READERS = { access: roles('city_official', 'district_official', 'admin', 'institution_admin') };

/** Monthly settlement of redemptions with institutions (月度结算). */
export async function settlementRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['voucher settlements'];

  app.post('/api/v1/voucher-settlements', {
    config: CITY,
    schema: {
      tags,
      summary: '月度结算 Settle the month’s redemptions: one settlement per institution; they can no longer be reversed',
      body: RunSettlement,
      response: { 200: RunResult, ...ErrorResponses },
    },
    handler: (request) => runSettlement(deps, scope(request), request.body.month, auditContext(request)),
  });

  app.get('/api/v1/voucher-settlements', {
    config: READERS,
    schema: {
      tags,
      summary: '结算单 Settlements (city: all; district: its institutions; director: own)',
      querystring: SettlementQuery,
      response: { 200: z.object({ items: z.array(SettlementView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listSettlements(deps, scope(request), request.query.month) }),
  });

  app.get('/api/v1/voucher-settlements.xlsx', {
    config: READERS,
    schema: {
      tags,
      summary: '导出结算表 The month’s settlements and their redemptions as an Excel workbook (yuan)',
      querystring: MonthQuery,
      response: {
        200: {
          description: 'Summary sheet with a total row, and a detail sheet',
          content: { [XLSX]: { schema: z.string().describe('.xlsx file') } },
        },
        ...ErrorResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await exportSettlements(deps, scope(request), request.query.month);
      // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data as unknown as string);
    },
  });

  app.get('/api/v1/voucher-settlements/:id', {
    config: READERS,
    schema: {
      tags,
      summary: '结算单详情 One settlement with its redemptions',
      params: IdParams,
      response: { 200: SettlementDetail, ...ErrorResponses },
    },
    handler: (request) => getSettlement(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.post('/api/v1/voucher-settlements/:id/pay', {
    config: CITY,
    schema: {
      tags,
      summary: '标记已支付 Mark a settlement paid with the payment reference',
      params: IdParams,
      body: PaySettlement,
      response: { 200: SettlementDetail, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => paySettlement(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });
}
