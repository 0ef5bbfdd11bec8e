import type { ErasureItem } from '../../../domain/privacy/erasure.ts';
import type { Db } from '../../db/executor.ts';

export type DeletionScope = 'account' | 'child';
export type DeletionStatus = 'pending' | 'approved' | 'rejected';

const COLUMNS = [
  'r.id',
  'r.user_id',
  'r.scope',
  'r.child_id',
  'r.reason',
  'r.status',
  'r.outcome',
  'r.decision_reason',
  'r.requested_at',
  'r.decided_at',
] as const;

export type DeletionRequestRow = Awaited<ReturnType<typeof findRequestsOfUser>>[number];

/** The open request on the same subject: the account, or the child whichever guardian asked. */
export function findOpenRequest(db: Db, subject: { userId: string; childId: string | null }) {
  let query = db.selectFrom('deletion_requests').select('id').where('status', '=', 'pending');
  query = subject.childId
    ? query.where('child_id', '=', subject.childId)
    : query.where('user_id', '=', subject.userId).where('scope', '=', 'account');
  return query.executeTakeFirst();
}

export function insertRequest(
  db: Db,
  values: { userId: string; scope: DeletionScope; childId: string | null; reason: string | null; now: Date },
) {
  return db
    .insertInto('deletion_requests')
    .values({ user_id: values.userId, scope: values.scope, child_id: values.childId, reason: values.reason, requested_at: values.now })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export function findRequestsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('deletion_requests as r')
    .select(COLUMNS)
    .where('r.user_id', '=', userId)
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id')
    .execute();
}

function reviewQuery(db: Db) {
  return db
    .selectFrom('deletion_requests as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([...COLUMNS, 'u.name as requester_name', 'u.phone as requester_phone']);
}

/** Every request for the admin, open ones first, with the requester's name and number. */
export function findAllRequests(db: Db) {
  return reviewQuery(db)
    .orderBy((eb) => eb.case().when('r.status', '=', 'pending').then(0).else(1).end())
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.id')
    .limit(500)
    .execute();
}

export function findRequestForReview(db: Db, id: string) {
  return reviewQuery(db).where('r.id', '=', id).executeTakeFirst();
}

/** The request, locked for its decision, so two admins cannot decide it twice. */
export function lockRequest(db: Db, id: string) {
  return db.selectFrom('deletion_requests as r').select(COLUMNS).where('r.id', '=', id).forUpdate().executeTakeFirst();
}

export async function markApproved(db: Db, id: string, decidedBy: string, outcome: ErasureItem[], now: Date) {
  await db
    .updateTable('deletion_requests')
    .set({ status: 'approved', outcome: JSON.stringify(outcome), decided_at: now, decided_by: decidedBy })
    .where('id', '=', id)
    .execute();
}

export async function markRejected(db: Db, id: string, decidedBy: string, reason: string, now: Date) {
  await db
    .updateTable('deletion_requests')
    .set({ status: 'rejected', decision_reason: reason, decided_at: now, decided_by: decidedBy })
    .where('id', '=', id)
    .execute();
}
