import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams, MonthQuery } from '../common/schemas.ts';
import { redeemVoucher } from './redeem.ts';
import { reverseRedemption } from './reverse.ts';
import { RedeemBody, RedemptionView, ReverseBody } from './schemas.ts';
import { getRedemption, listInstitutionRedemptions } from './service.ts';

const DIRECTOR = { access: roles('institution_admin') };
const Conflict = { 409: ErrorBody, 422: ErrorBody };

/** Redemption (核销) of vouchers against fee statements by institutions, and its reversal. */
export async function redemptionRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['vouchers'];

  app.post('/api/v1/vouchers/redeem', {
    config: DIRECTOR,
    schema: {
      tags,
      summary: '核销 Redeem a voucher against a fee statement of a child enrolled here (idempotent)',
      description:
        'Returns the redemption; a retry with the same idempotencyKey returns the first result. 404 for an unknown code or a ' +
        'statement or child not of this institution; 409 VOUCHER_SPENT, VOUCHER_EXPIRED, VOUCHER_NOT_YET_VALID, BUDGET_EXHAUSTED, ' +
        'VOUCHER_NOT_ACCEPTED_HERE, IDEMPOTENCY_KEY_REUSED; 400 when the amount exceeds the face value or what the statement asks.',
      body: RedeemBody,
      response: { 200: RedemptionView, ...Conflict, ...ErrorResponses },
    },
    handler: (request) => redeemVoucher(deps, scope(request), request.body, auditContext(request)),
  });

  app.get('/api/v1/voucher-redemptions/:id', {
    config: DIRECTOR,
    schema: {
      tags,
      summary: '核销记录 One redemption of my institution',
      params: IdParams,
      response: { 200: RedemptionView, ...ErrorResponses },
    },
    handler: (request) => getRedemption(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.post('/api/v1/voucher-redemptions/:id/reverse', {
    config: DIRECTOR,
    schema: {
      tags,
      summary: '撤销核销 Reverse a redemption of this month, before settlement, with a reason',
      description: '409 REDEMPTION_ALREADY_REVERSED, REDEMPTION_SETTLED, REVERSAL_WINDOW_CLOSED.',
      params: IdParams,
      body: ReverseBody,
      response: { 200: RedemptionView, ...Conflict, ...ErrorResponses },
    },
    handler: (request) => reverseRedemption(deps, scope(request), request.params.id, request.body.reason, auditContext(request)),
  });

  app.get('/api/v1/institutions/:id/voucher-redemptions', {
    config: DIRECTOR,
    schema: {
      tags,
      summary: '本机构核销记录 The institution’s redemptions made in a month',
      params: IdParams,
      querystring: MonthQuery,
      response: { 200: z.object({ items: z.array(RedemptionView) }), ...ErrorResponses },
    },
    handler: async (request) => ({
      items: await listInstitutionRedemptions(deps, scope(request), request.params.id, request.query.month, auditContext(request)),
    }),
  });
}
