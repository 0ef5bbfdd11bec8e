import { createHash } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { canonicalJson } from './canonicalJson.ts';

export const GENESIS_HASH = '0'.repeat(64);
// Serialises appends across processes so each row links to the true previous one.
const AUDIT_LOCK = 7_300_002;

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

/**
 * Appends entries inside the caller's transaction, so the record and its audit commit or fail
 * together. Call it last in a transaction: it holds a lock until commit.
 */
export async function appendAudit(
  db: Kysely<DB> | Transaction<DB>,
  context: AuditContext,
  entries: AuditEntry | AuditEntry[],
  now: Date = new Date(),
): Promise<void> {
  const list = Array.isArray(entries) ? entries : [entries];
  if (list.length === 0) return;
  if (!db.isTransaction) return db.transaction().execute((trx) => appendAudit(trx, context, list, now));
  await sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`.execute(db);
  const last = await db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let prevHash = last?.hash ?? GENESIS_HASH;
  const rows = list.map((entry) => {
    const fields: HashedFields = {
      at: now.toISOString(),
      actorId: context.actorId,
      actorRole: context.actorRole,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      detail: entry.detail ?? {},
      ip: context.ip,
      requestId: context.requestId,
      ...(context.clientRequestId ? { clientRequestId: context.clientRequestId } : {}),
    };
    const hash = auditHash(prevHash, fields);
    const row = {
      at: fields.at,
      actor_id: fields.actorId,
      actor_role: fields.actorRole,
      action: fields.action,
      entity_type: fields.entityType,
      entity_id: fields.entityId,
      detail: JSON.stringify(fields.detail),
      ip: fields.ip,
      request_id: fields.requestId,
      client_request_id: fields.clientRequestId ?? null,
      prev_hash: prevHash,
      hash,
    };
    prevHash = hash;
    return row;
  });
  await db.insertInto('audit_log').values(rows).execute();
}

export type AuditVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAtId: number; reason: 'content_changed' | 'chain_broken' };

/** Walks the whole chain in id order and recomputes every hash. */
export async function verifyAuditChain(db: Kysely<DB>, batchSize = 2_000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let afterId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(batchSize).execute();
    if (rows.length === 0) return { ok: true, checked };
    for (const row of rows) {
      if (row.prev_hash !== prevHash) return { ok: false, checked, brokenAtId: row.id, reason: 'chain_broken' };
      const expected = auditHash(prevHash, {
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
      });
      if (expected !== row.hash) return { ok: false, checked, brokenAtId: row.id, reason: 'content_changed' };
      prevHash = row.hash;
      checked += 1;
      afterId = row.id;
    }
  }
}
