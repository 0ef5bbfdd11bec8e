import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { roles } from '../access/access.ts';
import { ErrorResponses } from '../http/errorSchemas.ts';

const AuditQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().positive().optional().describe('Entries with a smaller id (older)'),
  action: z.string().max(100).optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
});

const AuditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
  seq: z.number().int().nullable().describe('Place in the hash chain; null until the sealer has chained the entry (within about a second)'),
  hash: z.string().nullable(),
});

export async function auditRoutes(server: FastifyInstance, deps: Deps) {
  const app = server.withTypeProvider<ZodTypeProvider>();
  app.get('/api/v1/audit', {
    config: { access: roles('admin') },
    schema: {
      tags: ['audit'],
      summary: '审计日志 Audit log, newest first',
      querystring: AuditQuery,
      response: { 200: z.object({ items: z.array(AuditItem) }), ...ErrorResponses },
    },
    handler: async (request) => {
      const q = request.query;
      let query = deps.db
        .selectFrom('audit_log')
        .leftJoin('users', 'users.id', 'audit_log.actor_id')
        .selectAll('audit_log')
        .select('users.name as actor_name')
        .orderBy('audit_log.id', 'desc')
        .limit(q.limit);
      if (q.before) query = query.where('audit_log.id', '<', q.before);
      if (q.action) query = query.where('action', '=', q.action);
      if (q.entityType) query = query.where('entity_type', '=', q.entityType);
      if (q.entityId) query = query.where('entity_id', '=', q.entityId);
      if (q.actorId) query = query.where('actor_id', '=', q.actorId);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          at: new Date(r.at).toISOString(),
          actorId: r.actor_id,
          actorName: r.actor_name,
          actorRole: r.actor_role,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
          ip: r.ip,
          seq: r.seq,
          hash: r.hash,
        })),
      };
    },
  });
}
