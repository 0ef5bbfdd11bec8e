import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ProgramAction } from '../../../../domain/subsidies/programs.ts';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { expireVouchers } from '../vouchers/expiry.ts';
import { grantAutomatically } from './grant.ts';
import { runLottery } from './lottery.ts';
import { CreateProgram, LedgerPage, LedgerQuery, ProgramList, ProgramSummary, ProgramView, RunResult, UpdateProgram } from './schemas.ts';
import {
  changeProgramStatus,
  createProgram,
  getLedger,
  getProgram,
  getSummary,
  listPrograms,
  requireProgram,
  updateProgram,
} from './service.ts';

const tags = ['voucher programs'];
const CITY = { access: roles('city_official') };
const OFFICIALS = { access: roles('city_official', 'district_official', 'admin') };
const READERS = { access: roles('city_official', 'district_official', 'admin', 'parent', 'institution_admin') };

/** Voucher programs (补贴券项目): set up, open, pause, close; lottery and automatic grants; summary and ledger. */
export async function programRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();

  app.post('/api/v1/voucher-programs', {
    config: CITY,
    schema: {
      tags,
      summary: '新建补贴券项目 Create a voucher program (draft); its budget is funded into the ledger',
      body: CreateProgram,
      response: { 201: ProgramView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createProgram(deps, scope(request), request.body, auditContext(request))),
  });

  app.get('/api/v1/voucher-programs', {
    config: READERS,
    schema: {
      tags,
      summary:
        '补贴券项目 Programs: officials see their own and their city’s (drafts too); families and institutions see those not in draft',
      response: { 200: ProgramList, ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listPrograms(deps, scope(request)) }),
  });

  app.get('/api/v1/voucher-programs/:id', {
    config: READERS,
    schema: {
      tags,
      summary: '项目详情 One program with its ledger accounts and counts',
      params: IdParams,
      response: { 200: ProgramView, ...ErrorResponses },
    },
    handler: (request) => getProgram(deps, scope(request), request.params.id),
  });

  app.patch('/api/v1/voucher-programs/:id', {
    config: CITY,
    schema: {
      tags,
      summary: '修改项目 Rename or describe; replace rules and budget while a draft',
      params: IdParams,
      body: UpdateProgram,
      response: { 200: ProgramView, ...ErrorResponses },
    },
    handler: (request) => updateProgram(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  const actions: [ProgramAction, string][] = [
    ['open', '开放 Open (or reopen) for claims, applications or grants'],
    ['pause', '暂停 Pause issuance; issued vouchers stay usable'],
    ['close', '结束 Close for good; issued vouchers stay usable until they expire'],
  ];
  for (const [action, summary] of actions) {
    app.post(`/api/v1/voucher-programs/:id/${action}`, {
      config: CITY,
      schema: { tags, summary, params: IdParams, response: { 200: ProgramView, 409: ErrorBody, ...ErrorResponses } },
      handler: (request) => changeProgramStatus(deps, scope(request), request.params.id, action, auditContext(request)),
    });
  }

  app.get('/api/v1/voucher-programs/:id/summary', {
    config: OFFICIALS,
    schema: {
      tags,
      summary: '资金概况 Budget, unissued, outstanding, redeemed and expired at this moment (fen)',
      params: IdParams,
      response: { 200: ProgramSummary, ...ErrorResponses },
    },
    handler: (request) => getSummary(deps, scope(request), request.params.id),
  });

  app.get('/api/v1/voucher-programs/:id/ledger', {
    config: OFFICIALS,
    schema: {
      tags,
      summary: '台账 Ledger entries in order (page with afterId), and whether they agree with the balances',
      params: IdParams,
      querystring: LedgerQuery,
      response: { 200: LedgerPage, ...ErrorResponses },
    },
    handler: (request) => getLedger(deps, scope(request), request.params.id, request.query.afterId, request.query.limit),
  });

  app.post('/api/v1/voucher-programs/:id/lottery', {
    config: CITY,
    schema: {
      tags,
      summary: '摇号 Draw the lottery once applications have closed (seed recorded)',
      params: IdParams,
      response: { 200: RunResult, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => runLottery(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.post('/api/v1/voucher-programs/:id/grant', {
    config: CITY,
    schema: {
      tags,
      summary: '自动发放 Grant a voucher to every eligible enrolled child while the budget lasts (safe to rerun)',
      params: IdParams,
      response: { 200: RunResult, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) => grantAutomatically(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.post('/api/v1/voucher-programs/:id/expire', {
    config: CITY,
    schema: {
      tags,
      summary: '过期处理 Expire the program’s vouchers past their last day now (the daily job does the same)',
      params: IdParams,
      response: { 200: z.object({ expired: z.number().int() }), ...ErrorResponses },
    },
    handler: async (request) => {
      await requireProgram(deps, scope(request), request.params.id);
      return { expired: await expireVouchers(deps, { programId: request.params.id, context: auditContext(request) }) };
    },
  });
}
