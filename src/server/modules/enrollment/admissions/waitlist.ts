import type { WaitlistPriority } from '../../../../domain/enrollment/waitlist.ts';
import { waitlistPositions } from '../../../../domain/enrollment/waitlist.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import * as q from './queries.ts';
import type { WaitlistPriorities } from './schemas.ts';

/** The priorities an application holds at an institution: a sibling there, a staff child, living in its township. */
export function prioritiesOf(
  row: { sibling_attends: boolean; staff_child: boolean; residence_division_code: string },
  institutionDivision: string,
): WaitlistPriority[] {
  const held: WaitlistPriority[] = [];
  if (row.sibling_attends) held.push('sibling');
  if (row.staff_child) held.push('staff_child');
  if (row.residence_division_code === institutionDivision) held.push('local_resident');
  return held;
}

/** The institution's waitlist rule: its division and the priorities it states, highest first. */
export async function findWaitlistRule(deps: Deps, institutionId: string) {
  const rule = await q.findWaitlistRule(deps.db, institutionId);
  if (!rule) throw new Error(`no institution ${institutionId}`);
  return { divisionCode: rule.divisionCode, stated: rule.stated as WaitlistPriority[] };
}

/** Waitlist positions at the institution by choice id, worked out on every read. */
export async function waitlistFor(deps: Deps, institutionId: string): Promise<Map<string, number>> {
  const [rule, rows] = await Promise.all([findWaitlistRule(deps, institutionId), q.findWaitlisted(deps.db, institutionId)]);
  return waitlistPositions(
    rows.map((r) => ({ id: r.id, appliedAt: new Date(r.created_at), priorities: prioritiesOf(r, rule.divisionCode) })),
    rule.stated,
  );
}

/**
 * The director states the waitlist priorities, highest first. Positions are worked out on every
 * read, so the waitlist follows the new order at once.
 */
export async function setWaitlistPriorities(
  deps: Deps,
  scope: Scope,
  institutionId: string,
  input: WaitlistPriorities,
  context: AuditContext,
): Promise<WaitlistPriorities> {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await q.findWaitlistRule(trx, institutionId))) throw new AppError('NOT_FOUND');
    await q.saveWaitlistPriorities(trx, institutionId, input.priorities, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.waitlist_priorities',
        entityType: 'institution',
        entityId: institutionId,
        detail: { priorities: input.priorities },
      },
      now,
    );
  });
  return { priorities: (await findWaitlistRule(deps, institutionId)).stated };
}
