import type { ErasureItem } from '../../../../domain/privacy/erasure.ts';
import type { Db } from '../../../db/executor.ts';

/** Erases the children's growth measurements, in the caller's transaction: no law asks to keep them. */
export async function eraseChildren(db: Db, childIds: string[]): Promise<ErasureItem[]> {
  if (childIds.length === 0) return [];
  const removed = await db.deleteFrom('growth_measurements').where('child_id', 'in', childIds).executeTakeFirst();
  return [{ kind: 'growth_measurements', result: 'erased', reason: 'on_request', count: Number(removed.numDeletedRows) }];
}
