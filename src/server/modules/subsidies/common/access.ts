import type { Db } from '../../../db/executor.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleChildIds } from '../../../platform/access/visibility.ts';
import { findChildren } from './queries.ts';

/**
 * The child with the facts eligibility and the family benefits need, if the scope may see it
 * (`findVisibleChildIds`: on the parent routes, the guardian's own children), else undefined.
 */
export async function findVisibleChild(db: Db, scope: Scope, childId: string) {
  if (!(await findVisibleChildIds(db, scope, [childId])).has(childId)) return undefined;
  const [child] = await findChildren(db, [childId]);
  return child;
}

/** Whether the scope may see the child (platform visibility). */
export async function childVisible(db: Db, scope: Scope, childId: string) {
  return (await findVisibleChildIds(db, scope, [childId])).has(childId);
}
