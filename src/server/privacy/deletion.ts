import { isMobilePhone, maskPhone } from '../../domain/identity/phone.ts';
import type { ErasureItem } from '../../domain/privacy/erasure.ts';
import type { Db } from '../db/executor.ts';
import type { Deps } from '../deps.ts';
import {
  eraseChildren as eraseChildRecords,
  eraseGuardian,
  findChildrenGuardedOnlyBy,
  findChildSummaries,
  isGuardianOf,
} from '../modules/children/index.ts';
import { eraseChildren as eraseEnrollment } from '../modules/enrollment/index.ts';
import { eraseChildren as eraseHealth } from '../modules/health/index.ts';
import { eraseChildren as eraseSubsidies } from '../modules/subsidies/index.ts';
import type { Actor } from '../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../platform/audit/auditLog.ts';
import { AppError } from '../platform/errors/AppError.ts';
import { notify } from '../platform/notifications/notify.ts';
import { countAuditAbout } from '../platform/privacy/account.ts';
import * as q from '../platform/privacy/deletionRequests.ts';
import { eraseAccount } from '../platform/privacy/eraseAccount.ts';
import type { DeletionRequestBody } from './deletionSchemas.ts';

/** `childNames`: for modules that keep free text in which the children may be named. */
type ChildEraser = (db: Db, childIds: string[], childNames: readonly string[]) => Promise<ErasureItem[]>;

/**
 * Each module erases what it owns of the children. Enrollment goes first, as it refuses a child
 * still holding a place before anything is written; the children module goes last, as the
 * others' records point at the child's row it anonymises.
 */
export const CHILD_ERASERS: readonly ChildEraser[] = [eraseEnrollment, eraseHealth, eraseSubsidies, eraseChildRecords];

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const outcomeOf = (value: unknown) => (value === null ? null : ((typeof value === 'string' ? JSON.parse(value) : value) as ErasureItem[]));

function presentCommon(r: q.DeletionRequestRow) {
  return {
    id: r.id,
    scope: r.scope as q.DeletionScope,
    childId: r.child_id,
    reason: r.reason,
    status: r.status as q.DeletionStatus,
    requestedAt: iso(r.requested_at) as string,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
    outcome: outcomeOf(r.outcome),
  };
}

/** A parent asks to erase their account or one of their children's data; one open request per subject. */
export async function requestDeletion(deps: Deps, userId: string, body: DeletionRequestBody, context: AuditContext) {
  const childId = body.scope === 'child' ? body.childId : null;
  if (childId && !(await isGuardianOf(deps.db, userId, childId))) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    if (await q.findOpenRequest(trx, { userId, childId })) throw new AppError('DELETION_REQUEST_OPEN');
    const created = await q.insertRequest(trx, { userId, scope: body.scope, childId, reason: body.reason ?? null, now }).catch((err) => {
      // Two requests at once: the partial unique index lets one through.
      if ((err as { code?: string }).code === '23505') throw new AppError('DELETION_REQUEST_OPEN');
      throw err;
    });
    await appendAudit(
      trx,
      context,
      {
        action: 'privacy.deletion.requested',
        entityType: 'deletion_request',
        entityId: created.id,
        detail: { scope: body.scope, childId },
      },
      now,
    );
    return created.id;
  });
  const mine = await listMyRequests(deps, userId, context);
  return mine.items.find((r) => r.id === id) as (typeof mine.items)[number];
}

/** The parent's own requests, newest first, with each child's name as it stands (its read audited). */
export async function listMyRequests(deps: Deps, userId: string, context: AuditContext) {
  const rows = await q.findRequestsOfUser(deps.db, userId);
  const childIds = [...new Set(rows.flatMap((r) => (r.child_id ? [r.child_id] : [])))];
  const names = new Map((await findChildSummaries(deps.db, childIds)).map((c) => [c.id, c.name]));
  if (childIds.length > 0) {
    await appendAudit(
      deps.db,
      context,
      childIds.map((id) => ({ action: 'child.read', entityType: 'child', entityId: id, detail: { via: 'deletion_requests' } })),
      deps.clock.now(),
    );
  }
  return { items: rows.map((r) => ({ ...presentCommon(r), childName: r.child_id ? (names.get(r.child_id) ?? null) : null })) };
}

type ReviewRow = NonNullable<Awaited<ReturnType<typeof q.findRequestForReview>>>;

function presentForReview(r: ReviewRow) {
  return {
    ...presentCommon(r),
    requester: {
      userId: r.user_id,
      name: r.requester_name,
      phoneMasked: isMobilePhone(r.requester_phone) ? maskPhone(r.requester_phone) : '',
    },
  };
}

/** Every request for the admin: who asked (number masked), never the child's name. */
export async function listRequestsForReview(db: Db) {
  return { items: (await q.findAllRequests(db)).map(presentForReview) };
}

async function lockPending(db: Db, id: string, actor: Actor) {
  const request = await q.lockRequest(db, id);
  if (!request) throw new AppError('NOT_FOUND');
  if (request.user_id === actor.userId) throw new AppError('OWN_ACCOUNT_UNCHANGEABLE');
  if (request.status !== 'pending') throw new AppError('DELETION_REQUEST_DECIDED');
  return request;
}

/**
 * Approves a request and erases, all in one transaction: every module's erasure, the account's,
 * the parent's notice and the audit entry commit together or not at all. An erased account's
 * notice is queued by SMS to its number before the number is anonymised.
 */
export async function approveDeletion(
  deps: Deps,
  id: string,
  actor: Actor,
  context: AuditContext,
  erasers: readonly ChildEraser[] = CHILD_ERASERS,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const request = await lockPending(trx, id, actor);
    const childIds = request.child_id ? [request.child_id] : await findChildrenGuardedOnlyBy(trx, request.user_id);
    const items: ErasureItem[] = [];
    const childNames = (await findChildSummaries(trx, childIds)).map((c) => c.name);
    for (const erase of erasers) items.push(...(await erase(trx, childIds, childNames)));
    const auditCount = await countAuditAbout(trx, request.scope === 'account' ? [request.user_id, ...childIds] : childIds);
    if (request.scope === 'account') {
      items.push(...(await eraseGuardian(trx, request.user_id)));
      await notify(trx, [request.user_id], { kind: 'privacy.account_erased', params: {}, link: '/' }, now);
      items.push(...(await eraseAccount(trx, request.user_id, now)));
    } else {
      await notify(trx, [request.user_id], { kind: 'privacy.deletion_approved', params: {}, link: '/family/my-data' }, now);
    }
    items.push({ kind: 'audit_log', result: 'kept', reason: 'audit_law', count: auditCount });
    const outcome = items.filter((i) => i.count > 0);
    await q.markApproved(trx, id, actor.userId, outcome, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'privacy.deletion.approved',
        entityType: 'deletion_request',
        entityId: id,
        detail: {
          scope: request.scope,
          userId: request.user_id,
          childIds,
          outcome: outcome.map((i) => `${i.kind} ${i.result} ${i.count}`),
        },
      },
      now,
    );
  });
  return findForReview(deps.db, id);
}

/** Rejects a request with the reason the parent is told. */
export async function rejectDeletion(deps: Deps, id: string, reason: string, actor: Actor, context: AuditContext) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const request = await lockPending(trx, id, actor);
    await q.markRejected(trx, id, actor.userId, reason, now);
    await notify(trx, [request.user_id], { kind: 'privacy.deletion_rejected', params: { reason }, link: '/family/my-data' }, now);
    await appendAudit(
      trx,
      context,
      { action: 'privacy.deletion.rejected', entityType: 'deletion_request', entityId: id, detail: { scope: request.scope, reason } },
      now,
    );
  });
  return findForReview(deps.db, id);
}

async function findForReview(db: Db, id: string) {
  const found = await q.findRequestForReview(db, id);
  if (!found) throw new AppError('NOT_FOUND');
  return presentForReview(found);
}
