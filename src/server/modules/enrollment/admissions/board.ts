import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import type { AuditContext } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { auditChildReads } from '../../children/index.ts';
import { presentBoardItem } from './presenters.ts';
import * as q from './queries.ts';
import { findWaitlistRule, waitlistFor } from './waitlist.ts';

/** The director's board: every application to the institution, with waitlist order and the stated priorities. Audited. */
export async function getBoard(deps: Deps, scope: Scope, institutionId: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const [rule, rows, positions] = await Promise.all([
    findWaitlistRule(deps.db, institutionId),
    q.findBoard(deps.db, institutionId),
    waitlistFor(deps, institutionId),
  ]);
  await auditChildReads(
    deps,
    context,
    rows.map((r) => r.child_id),
    'application_board',
  );
  const items = rows
    .map((r) => presentBoardItem(r, rule, positions, now))
    .sort((a, b) => (a.waitlistPosition ?? 1e9) - (b.waitlistPosition ?? 1e9) || a.appliedAt.localeCompare(b.appliedAt));
  return { items, statedPriorities: rule.stated };
}
