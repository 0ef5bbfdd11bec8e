import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleChildIds } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';

/** Whether the caller is one of the child's guardians: the guardian half of the platform's visibility check. */
export async function isOwnChild(db: Db, scope: Scope, childId: string): Promise<boolean> {
  if (!scope.guardianUserId) return false;
  return (await findVisibleChildIds(db, { ...scope, institutionIds: [] }, [childId])).has(childId);
}

/**
 * How the caller reaches a child: a guardian sees all of the child's records; staff see their
 * own institution's records of a child holding a place there. Anyone else: not found.
 */
export async function childReach(deps: Deps, scope: Scope, childId: string): Promise<{ institutionIds: string[] | null }> {
  if (await isOwnChild(deps.db, scope, childId)) return { institutionIds: null };
  const staffOnly = { ...scope, guardianUserId: null };
  if (!(await findVisibleChildIds(deps.db, staffOnly, [childId])).has(childId)) throw new AppError('NOT_FOUND');
  return { institutionIds: scope.institutionIds };
}

/** Every read of a child's personal data is audited (product.md §2), one entry per child. */
export function auditChildReads(deps: Deps, context: AuditContext, childIds: Iterable<string>, via: string) {
  const entries = [...new Set(childIds)].map((id) => ({ action: 'child.read', entityType: 'child', entityId: id, detail: { via } }));
  return appendAudit(deps.db, context, entries, deps.clock.now());
}
