import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addDaysIso, type IsoDate, isIsoDate } from '../../../domain/dates/shanghai.ts';
import type { DB } from '../../db/schema.ts';

const ShanghaiDay = z.string().refine(isIsoDate, { message: 'date.invalid' }).describe('YYYY-MM-DD, a day in Asia/Shanghai');

/** What the audit viewer and its export filter by; every filter is optional. */
export const AuditFilters = z.object({
  action: z.string().trim().max(100).optional().describe('An action code, e.g. child.read'),
  entityType: z.string().trim().max(100).optional(),
  entityId: z.string().trim().max(100).optional(),
  actorId: z.uuid({ message: 'id.invalid' }).optional(),
  from: ShanghaiDay.optional().describe('First day (Asia/Shanghai), inclusive'),
  to: ShanghaiDay.optional().describe('Last day (Asia/Shanghai), inclusive'),
});
export type AuditFilters = z.infer<typeof AuditFilters>;

export const AuditItem = z.object({
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
export type AuditItem = z.infer<typeof AuditItem>;

const midnight = (day: IsoDate) => new Date(`${day}T00:00:00+08:00`);

/** Entries matching the filters, newest first, older than `before` when given. */
export async function findAuditEntries(
  db: Kysely<DB>,
  filters: AuditFilters,
  page: { limit: number; before?: number },
): Promise<AuditItem[]> {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .selectAll('audit_log')
    .select('users.name as actor_name')
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit);
  if (page.before) query = query.where('audit_log.id', '<', page.before);
  if (filters.action) query = query.where('action', '=', filters.action);
  if (filters.entityType) query = query.where('entity_type', '=', filters.entityType);
  if (filters.entityId) query = query.where('entity_id', '=', filters.entityId);
  if (filters.actorId) query = query.where('actor_id', '=', filters.actorId);
  if (filters.from) query = query.where('at', '>=', midnight(filters.from as IsoDate));
  if (filters.to) query = query.where('at', '<', midnight(addDaysIso(filters.to as IsoDate, 1)));
  const rows = await query.execute();
  return rows.map((r) => ({
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
  }));
}
