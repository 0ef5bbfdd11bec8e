import { createHash } from 'node:crypto';
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canonicalJson } from './canonicalJson.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** Who did it, from where: taken from the request at the HTTP edge. */
export type AuditContext = {
  actorId: string | null;
  actorRole: string | null;
  ip: string | null;
  requestId: string | null;
  /** The id the client sent, if any; kept apart from the server's own `requestId`. */
  clientRequestId?: string | null;
};

export const SYSTEM_CONTEXT: AuditContext = { actorId: null, actorRole: 'system', ip: null, requestId: null };

export type AuditEntry = {
  /** Verb-first and dotted: `auth.login`, `population.import`, `child.read`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  detail?: Record<string, unknown>;
};

type HashedFields = {
  /** Hashed for rows sealed by the sealer, whose chain order is no longer the id order. */
  id?: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  detail: Record<string, unknown>;
  ip: string | null;
  requestId: string | null;
  /** Hashed only when present, so rows written before the column existed still verify. */
  clientRequestId?: string;
};

export function auditHash(prevHash: string, fields: HashedFields): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(fields)}`)
    .digest('hex');
}

export type AuditRow = Selectable<DB['audit_log']>;

/** What a row's hash covers. Rows chained under the old global lock (no xid) did not cover the id. */
export function hashedFieldsOf(row: AuditRow): HashedFields {
  return {
    ...(row.xid !== null ? { id: row.id } : {}),
    at: new Date(row.at).toISOString(),
    actorId: row.actor_id,
    actorRole: row.actor_role,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    detail: (typeof row.detail === 'string' ? JSON.parse(row.detail) : row.detail) as Record<string, unknown>,
    ip: row.ip,
    requestId: row.request_id,
    ...(row.client_request_id ? { clientRequestId: row.client_request_id } : {}),
  };
}

/**
 * Appends entries inside the caller's transaction, so the record and its audit commit or roll
 * back together. It only inserts: no lock, no read. The row carries its transaction's id (the
 * column default), and the sealer chains it once that transaction has ended.
 */
export async function appendAudit(
  db: Kysely<DB> | Transaction<DB>,
  context: AuditContext,
  entries: AuditEntry | AuditEntry[],
  now: Date = new Date(),
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      list.map((entry) => ({
        at: now.toISOString(),
        actor_id: context.actorId,
        actor_role: context.actorRole,
        action: entry.action,
        entity_type: entry.entityType,
        entity_id: entry.entityId ?? null,
        detail: JSON.stringify(entry.detail ?? {}),
        ip: context.ip,
        request_id: context.requestId,
        client_request_id: context.clientRequestId || null,
      })),
    )
    .execute();
}
