import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { roles } from '../access/access.ts';
import { auditContext } from '../access/plugin.ts';
import { XLSX } from '../files/spreadsheet.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';
import { appendAudit } from './auditLog.ts';
import { loadCheckpointKey } from './checkpointKey.ts';
import { AuditFilters, AuditItem, findAuditEntries } from './entries.ts';
import { auditWorkbook } from './excel.ts';
import { verifyAuditLog } from './verify.ts';

const AuditQuery = AuditFilters.extend({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional().describe('Entries with a smaller id (older): the next page'),
});

/** An export is for reading offline, not for copying the whole log out: at most this many entries. */
const EXPORT_LIMIT = 10_000;

const Verification = z.object({
  ok: z.boolean(),
  checked: z.number().int().describe('Chained entries verified before the first problem'),
  unsealed: z.number().int().describe('Entries not chained yet (committed less than a seal ago)'),
  checkpoints: z.number().int().describe('Signed checkpoints held against the chain'),
  problem: z
    .object({
      seq: z.number().int(),
      reason: z.enum(['missing', 'content_changed', 'chain_broken', 'inserted', 'truncated', 'rewritten', 'bad_signature']),
    })
    .optional(),
});

export async function auditRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  const tags = ['audit'];
  const access = roles('admin');

  app.get('/api/v1/audit', {
    config: { access },
    schema: {
      tags,
      summary: '审计日志 Audit log, newest first, filtered; page with `before`',
      querystring: AuditQuery,
      response: { 200: z.object({ items: z.array(AuditItem) }), ...ErrorResponses },
    },
    handler: async (request) => {
      const { limit, before, ...filters } = request.query;
      return { items: await findAuditEntries(deps.db, filters, { limit, before }) };
    },
  });

  app.get('/api/v1/audit.xlsx', {
    config: { access },
    schema: {
      tags,
      summary: '导出审计日志 The filtered entries as an Excel workbook (newest 10,000 at most); the export is itself audited',
      querystring: AuditFilters,
      response: {
        200: { description: 'One row per entry', content: { [XLSX]: { schema: z.string().describe('.xlsx file') } } },
        ...ErrorResponses,
      },
    },
    handler: async (request, reply) => {
      const entries = await findAuditEntries(deps.db, request.query, { limit: EXPORT_LIMIT });
      const file = await auditWorkbook(entries);
      await appendAudit(
        deps.db,
        auditContext(request),
        { action: 'audit.export', entityType: 'audit_log', entityId: null, detail: { filters: request.query, entries: entries.length } },
        deps.clock.now(),
      );
      // Fastify sends a Buffer as it is; the type provider only knows the schema's string.
      return reply
        .type(XLSX)
        .header('content-disposition', 'attachment; filename="tuoyu-audit-log.xlsx"')
        .send(file as unknown as string);
    },
  });

  app.post('/api/v1/audit/verify', {
    config: { access },
    schema: {
      tags,
      summary: '校验审计日志 Recompute the whole hash chain and hold every signed checkpoint against it, as `cli verify-audit` does',
      response: { 200: Verification, ...ErrorResponses },
    },
    handler: async () => {
      const key = loadCheckpointKey(deps.config);
      return verifyAuditLog(deps.db, { publicKeys: { [key.keyId]: key.publicKeyPem } });
    },
  });
}
