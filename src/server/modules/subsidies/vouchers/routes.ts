import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { claim, withdrawApplication } from './claim.ts';
import { ApplicationView, AvailableProgram, ClaimBody, ClaimResult, LookupBody, VoucherLookup, VoucherView } from './schemas.ts';
import { availablePrograms, getOwnVoucher, listOwnApplications, listOwnVouchers, lookupVoucher } from './service.ts';

const PARENT = { access: roles('parent') };
const DIRECTOR = { access: roles('institution_admin') };
const Conflict = { 409: ErrorBody, 422: ErrorBody };

/** Vouchers for families (claim, apply, see) and institutions (look up); redeeming is in redemptions/. */
export async function voucherRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['vouchers'];

  app.get('/api/v1/voucher-programs/available', {
    config: PARENT,
    schema: {
      tags,
      summary: '可领取的补贴券 Programs open today and whether each of my children may claim or apply',
      response: { 200: z.object({ items: z.array(AvailableProgram) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await availablePrograms(deps, scope(request)) }),
  });

  app.post('/api/v1/voucher-programs/:id/claims', {
    config: PARENT,
    schema: {
      tags,
      summary: '领取/申请 Claim a voucher for my child (first come, first served), or apply for the lottery',
      description: '409 BUDGET_EXHAUSTED, VOUCHER_LIMIT_REACHED, PROGRAM_NOT_ACCEPTING; 422 VOUCHER_NOT_ELIGIBLE (details.reasons).',
      params: IdParams,
      body: ClaimBody,
      response: { 201: ClaimResult, ...Conflict, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await claim(deps, scope(request), request.params.id, request.body.childId, auditContext(request))),
  });

  app.get('/api/v1/voucher-applications', {
    config: PARENT,
    schema: {
      tags,
      summary: '我的摇号申请 My children’s lottery applications',
      response: { 200: z.object({ items: z.array(ApplicationView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listOwnApplications(deps, scope(request)) }),
  });

  app.post('/api/v1/voucher-applications/:id/withdraw', {
    config: PARENT,
    schema: {
      tags,
      summary: '撤回申请 Withdraw a pending application',
      params: IdParams,
      response: { 200: ApplicationView, ...Conflict, ...ErrorResponses },
    },
    handler: (request) => withdrawApplication(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.get('/api/v1/vouchers', {
    config: PARENT,
    schema: {
      tags,
      summary: '我的补贴券 My children’s vouchers: code (and QR text), balance, expiry, where usable',
      response: { 200: z.object({ items: z.array(VoucherView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listOwnVouchers(deps, scope(request)) }),
  });

  // A POST so the code, a bearer secret, travels in the body and not in URLs that proxies log.
  app.post('/api/v1/vouchers/lookup', {
    config: DIRECTOR,
    schema: {
      tags,
      summary: '查询券码 Look up a scanned or typed code (vouchers of children holding a place here only)',
      body: LookupBody,
      response: { 200: VoucherLookup, ...ErrorResponses },
    },
    handler: (request) => lookupVoucher(deps, scope(request), request.body.code, auditContext(request)),
  });

  app.get('/api/v1/vouchers/:id', {
    config: PARENT,
    schema: {
      tags,
      summary: '补贴券详情 One of my children’s vouchers',
      params: IdParams,
      response: { 200: VoucherView, ...ErrorResponses },
    },
    handler: (request) => getOwnVoucher(deps, scope(request), request.params.id),
  });
}
