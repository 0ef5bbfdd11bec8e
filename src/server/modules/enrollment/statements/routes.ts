import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { roles } from '../../../platform/access/access.ts';
import { auditContext, scope } from '../../../platform/access/plugin.ts';
import { XLSX } from '../../../platform/files/spreadsheet.ts';
import { ErrorResponses } from '../../../platform/http/errorSchemas.ts';
import { IdParams, MonthQuery } from '../common/schemas.ts';
import { AbsenceRule, FeeRuleView, GenerateResult, GenerateStatements, StatementSummary, StatementView } from './schemas.ts';
import {
  exportStatements,
  generateStatements,
  getFeeRule,
  getStatement,
  listChildStatements,
  listStatementSummaries,
  setAbsenceRule,
} from './service.ts';

export async function statementRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['fee statements'];
  const director = { access: roles('institution_admin') };

  app.get('/api/v1/institutions/:id/fee-rule', {
    config: director,
    schema: {
      tags,
      summary: '收费规则 Monthly fees per class type and the absence rule',
      params: IdParams,
      response: { 200: FeeRuleView, ...ErrorResponses },
    },
    handler: (request) => getFeeRule(deps, scope(request), request.params.id),
  });

  app.put('/api/v1/institutions/:id/absence-rule', {
    config: director,
    schema: {
      tags,
      summary: '缺勤退费规则 State the absence rule: free absent days a month, then a share of the daily rate refunded',
      params: IdParams,
      body: AbsenceRule,
      response: { 200: FeeRuleView, ...ErrorResponses },
    },
    handler: (request) => setAbsenceRule(deps, scope(request), request.params.id, request.body, auditContext(request)),
  });

  app.post('/api/v1/institutions/:id/statements', {
    config: director,
    schema: {
      tags,
      summary: '生成收费明细 Generate the month’s statement of every child enrolled in it (idempotent)',
      description: 'Regenerating replaces each statement’s lines, except statements with a deduction (listed as locked).',
      params: IdParams,
      body: GenerateStatements,
      response: { 200: GenerateResult, ...ErrorResponses },
    },
    handler: (request) => generateStatements(deps, scope(request), request.params.id, request.body.month, auditContext(request)),
  });

  app.get('/api/v1/institutions/:id/statements', {
    config: director,
    schema: {
      tags,
      summary: '收费明细 The month’s statements (audited)',
      params: IdParams,
      querystring: MonthQuery,
      response: { 200: z.object({ items: z.array(StatementSummary) }), ...ErrorResponses },
    },
    handler: async (request) => ({
      items: await listStatementSummaries(deps, scope(request), request.params.id, request.query.month, auditContext(request)),
    }),
  });

  app.get('/api/v1/institutions/:id/statements.xlsx', {
    config: director,
    schema: {
      tags,
      summary: '导出收费明细 The month’s statements as an Excel workbook (amounts in yuan)',
      params: IdParams,
      querystring: MonthQuery,
      response: {
        200: { description: 'One row per statement and a total row', content: { [XLSX]: { schema: z.string().describe('.xlsx file') } } },
        ...ErrorResponses,
      },
    },
    handler: async (request, reply) => {
      const file = await exportStatements(deps, scope(request), request.params.id, request.query.month, auditContext(request));
      // Fastify sends a Buffer as it is, past the JSON serializer; the type provider only knows the schema's string.
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="${file.filename}"`)
        .send(file.data as unknown as string);
    },
  });

  app.get('/api/v1/statements/:id', {
    config: { access: roles('institution_admin', 'parent') },
    schema: {
      tags,
      summary: '收费明细详情 One statement with its lines, deductions and the total due (audited)',
      params: IdParams,
      response: { 200: StatementView, ...ErrorResponses },
    },
    handler: (request) => getStatement(deps, scope(request), request.params.id, auditContext(request)),
  });

  app.get('/api/v1/children/:id/statements', {
    config: { access: roles('parent', 'institution_admin') },
    schema: {
      tags,
      summary: '幼儿收费明细 The child’s statements, newest month first (audited)',
      params: IdParams,
      response: { 200: z.object({ items: z.array(StatementSummary) }), ...ErrorResponses },
    },
    handler: async (request) => ({ items: await listChildStatements(deps, scope(request), request.params.id, auditContext(request)) }),
  });
}
