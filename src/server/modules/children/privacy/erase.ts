import { sql } from 'kysely';
import { ERASED_NAME, type ErasureItem } from '../../../../domain/privacy/erasure.ts';
import type { Db } from '../../../db/executor.ts';

/** The children this user alone is a guardian of: erasing the account erases them too. */
export async function findChildrenGuardedOnlyBy(db: Db, userId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('child_guardians as g')
    .select('g.child_id')
    .where('g.user_id', '=', userId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('child_guardians as o')
            .select('o.child_id')
            .whereRef('o.child_id', '=', 'g.child_id')
            .where('o.user_id', '<>', userId),
        ),
      ),
    )
    .execute();
  return rows.map((r) => r.child_id);
}

/**
 * Erases what this module holds of the children, in the caller's transaction. The child's row
 * stays, as the fee statements and vouchers kept by law point at it, but without a name or
 * resident ID; of the birth date only the month remains (those records and the city's under-3
 * figures count age in months). Sex and township of residence stay for the same figures.
 * Guardians go; pick-up persons stay nameless and numberless, as past check-outs point at them.
 */
export async function eraseChildren(db: Db, childIds: string[]): Promise<ErasureItem[]> {
  if (childIds.length === 0) return [];
  const children = await db
    .updateTable('children')
    .set({
      name: ERASED_NAME,
      resident_id_enc: null,
      resident_id_index: null,
      resident_id_masked: null,
      birth_date: sql<string>`date_trunc('month', birth_date)::date`,
    })
    .where('id', 'in', childIds)
    .executeTakeFirst();
  const guardians = await db.deleteFrom('child_guardians').where('child_id', 'in', childIds).executeTakeFirst();
  const pickup = await db
    .updateTable('pickup_persons')
    .set({ name: ERASED_NAME, phone: '', resident_id_enc: null, resident_id_masked: null })
    .where('child_id', 'in', childIds)
    .executeTakeFirst();
  return [
    { kind: 'child_record', result: 'anonymised', reason: 'referenced_by_kept_records', count: Number(children.numUpdatedRows) },
    { kind: 'guardians', result: 'erased', reason: 'on_request', count: Number(guardians.numDeletedRows) },
    { kind: 'pickup_persons', result: 'anonymised', reason: 'named_in_handovers', count: Number(pickup.numUpdatedRows) },
  ];
}

/** Ends an erased account's guardianship of the children another guardian still holds. */
export async function eraseGuardian(db: Db, userId: string): Promise<ErasureItem[]> {
  const removed = await db.deleteFrom('child_guardians').where('user_id', '=', userId).executeTakeFirst();
  return [{ kind: 'guardians', result: 'erased', reason: 'on_request', count: Number(removed.numDeletedRows) }];
}
