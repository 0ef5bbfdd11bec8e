import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope } from '../../../platform/access/visibility.ts';

export function findShares(db: Db, year: number) {
  return db.selectFrom('tax_deduction_shares').selectAll().where('year', '=', year).execute();
}

/**
 * Locks the child's row until the transaction ends, so two guardians choosing their shares of one
 * child's deduction at once go one after the other (the children module's row; only locked here).
 */
export async function lockChildForShares(trx: Transaction<DB>, childId: string) {
  await trx.selectFrom('children').select('id').where('id', '=', childId).forUpdate().execute();
}

/** What the other guardians of the child have taken of the year's deduction, in percent. */
export async function sumOtherShares(trx: Transaction<DB>, childId: string, year: number, guardianUserId: string) {
  const others = await trx
    .selectFrom('tax_deduction_shares')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('share_percent'), sql<number>`0`).as('taken'))
    .where('child_id', '=', childId)
    .where('year', '=', year)
    .where('user_id', '<>', guardianUserId)
    .executeTakeFirstOrThrow();
  return Number(others.taken);
}

export async function upsertShare(
  trx: Transaction<DB>,
  share: { childId: string; year: number; userId: string; sharePercent: number },
  now: Date,
) {
  await trx
    .insertInto('tax_deduction_shares')
    .values({ child_id: share.childId, year: share.year, user_id: share.userId, share_percent: share.sharePercent, chosen_at: now })
    .onConflict((oc) => oc.columns(['child_id', 'year', 'user_id']).doUpdateSet({ share_percent: share.sharePercent, chosen_at: now }))
    .execute();
}

export function findClaimOfChild(db: Db, childId: string) {
  return db.selectFrom('childcare_subsidy_claims').selectAll().where('child_id', '=', childId).executeTakeFirst();
}
export type ClaimRow = NonNullable<Awaited<ReturnType<typeof findClaimOfChild>>>;

/** Inserts the child's claim; undefined when the child has one already. */
export function insertClaim(trx: Transaction<DB>, childId: string, appliedBy: string, now: Date) {
  return trx
    .insertInto('childcare_subsidy_claims')
    .values({ child_id: childId, applied_by: appliedBy, applied_at: now })
    .onConflict((oc) => oc.column('child_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

/** Claims in the official's area, by the child's residence, with the facts the amount needs (no names). */
export function findClaimsInScope(db: Db, scope: Scope, status: string | undefined) {
  let q = db
    .selectFrom('childcare_subsidy_claims as a')
    .innerJoin('children as c', 'c.id', 'a.child_id')
    .selectAll('a')
    .select(['c.birth_date', 'c.residence_division_code']);
  if (!scope.cityWide) q = q.where(divisionCodeInScope(scope, 'c.residence_division_code'));
  if (status) q = q.where('a.status', '=', status);
  return q.orderBy('a.applied_at').limit(1_000).execute();
}

/** Decides an applied claim; undefined when it is no longer applied. */
export function decideAppliedClaim(
  trx: Transaction<DB>,
  id: string,
  decision: { status: 'approved' | 'rejected'; by: string; reason: string | null },
  now: Date,
) {
  return trx
    .updateTable('childcare_subsidy_claims')
    .set({ status: decision.status, decided_at: now, decided_by: decision.by, reason: decision.reason })
    .where('id', '=', id)
    .where('status', '=', 'applied')
    .returning('child_id')
    .executeTakeFirst();
}
