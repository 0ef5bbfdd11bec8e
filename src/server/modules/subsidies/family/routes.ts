import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { SharePercent } from '../../../../domain/subsidies/familyRules.ts';
import type { Deps } from '../../../deps.ts';
import { PUBLIC, roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { XLSX } from '../../../platform/files/spreadsheet.ts';
import { ErrorBody, ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams } from '../common/schemas.ts';
import { taxStatementWorkbook } from './excel.ts';
import {
  ChildcareSubsidyView,
  ChildYearParams,
  ClaimsQuery,
  DecideBody,
  OfficialClaimView,
  ShareBody,
  SubsidyPolicyBody,
  TaxDeductionStatement,
  YearParams,
} from './schemas.ts';
import {
  applyForChildcareSubsidy,
  childcareSubsidy,
  chooseShare,
  decideClaim,
  getPolicy,
  listClaims,
  setPolicy,
  taxDeductionStatement,
} from './service.ts';

const PARENT = { access: roles('parent') };

/** Benefits for families: the tax special deduction statement and the national childcare subsidy. */
export async function familyRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['family benefits'];

  app.get('/api/v1/subsidy-policy', {
    config: { access: PUBLIC },
    schema: {
      tags,
      summary: '政策标准 The deduction standards and the childcare subsidy amount in force',
      response: { 200: SubsidyPolicyBody },
    },
    handler: () => getPolicy(deps),
  });

  app.put('/api/v1/subsidy-policy', {
    config: { access: roles('admin') },
    schema: {
      tags,
      summary: '修改政策标准 Change the amounts (policy changes)',
      body: SubsidyPolicyBody,
      response: { 200: SubsidyPolicyBody, ...ErrorResponses },
    },
    handler: (request) => setPolicy(deps, request.body, auditContext(request)),
  });

  app.get('/api/v1/tax-deduction/:year', {
    config: PARENT,
    schema: {
      tags,
      summary: '专项附加扣除年度明细 My yearly statement for the deduction for care of children under 3',
      params: YearParams,
      response: { 200: TaxDeductionStatement, ...ErrorResponses },
    },
    handler: (request) => taxDeductionStatement(deps, scope(request), request.params.year),
  });

  app.get('/api/v1/tax-deduction/:year/statement.xlsx', {
    config: PARENT,
    schema: {
      tags,
      summary: '下载年度明细 The yearly statement as an Excel workbook',
      params: YearParams,
      response: { 200: { description: 'One row per child and month', content: { [XLSX]: { schema: z.string() } } }, ...ErrorResponses },
    },
    handler: async (request, reply) => {
      const statement = await taxDeductionStatement(deps, scope(request), request.params.year);
      const data = await taxStatementWorkbook(statement);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="tax-deduction-${request.params.year}.xlsx"`)
        .send(data as unknown as string);
    },
  });

  app.put('/api/v1/children/:id/tax-deduction/:year', {
    config: PARENT,
    schema: {
      tags,
      summary: '选择扣除比例 Choose my share of the child’s deduction for the year (100 or 50)',
      params: ChildYearParams,
      body: ShareBody,
      response: { 200: TaxDeductionStatement, 409: ErrorBody, ...ErrorResponses },
    },
    handler: (request) =>
      chooseShare(
        deps,
        scope(request),
        request.params.id,
        request.params.year,
        request.body.sharePercent as SharePercent,
        auditContext(request),
      ),
  });

  app.get('/api/v1/children/:id/childcare-subsidy', {
    config: PARENT,
    schema: {
      tags,
      summary: '育儿补贴 Months and amounts due for my child, and my application',
      params: IdParams,
      response: { 200: ChildcareSubsidyView, ...ErrorResponses },
    },
    handler: (request) => childcareSubsidy(deps, scope(request), request.params.id),
  });

  app.post('/api/v1/children/:id/childcare-subsidy', {
    config: PARENT,
    schema: {
      tags,
      summary: '申请育儿补贴 Apply for the national childcare subsidy for my child',
      params: IdParams,
      response: { 201: ChildcareSubsidyView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await applyForChildcareSubsidy(deps, scope(request), request.params.id, auditContext(request))),
  });

  const OFFICIALS = { access: roles('district_official', 'city_official', 'admin') };
  app.get('/api/v1/childcare-subsidy-claims', {
    config: OFFICIALS,
    schema: {
      tags,
      summary: '育儿补贴申请 Applications in my area (by the child’s residence), without names',
      querystring: ClaimsQuery,
      response: { 200: z.object({ items: z.array(OfficialClaimView) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listClaims(deps, scope(request), request.query.status) }),
  });

  app.post('/api/v1/childcare-subsidy-claims/:id/decide', {
    config: { access: roles('district_official', 'city_official') },
    schema: {
      tags,
      summary: '审核育儿补贴 Approve or reject (with a reason) an application',
      params: IdParams,
      body: DecideBody,
      response: { 200: OfficialClaimView, 409: ErrorBody, ...ErrorResponses },
    },
    handler: async (request) =>
      (await decideClaim(
        deps,
        scope(request),
        request.params.id,
        request.body.decision,
        request.body.reason,
        auditContext(request),
      )) as z.infer<typeof OfficialClaimView>,
  });
}
