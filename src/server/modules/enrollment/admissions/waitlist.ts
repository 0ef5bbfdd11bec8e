import { sql, type Transaction } from 'kysely';
import type { WaitlistPriority } from '../../../../domain/enrollment/waitlist.ts';
import { orderWaitlist, waitlistPositions } from '../../../../domain/enrollment/waitlist.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { tellFirstOnWaitlist } from './notifications.ts';
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
export async function findWaitlistRule(db: Db, institutionId: string) {
  const rule = await q.findWaitlistRule(db, institutionId);
  if (!rule) throw new Error(`no institution ${institutionId}`);
  return { divisionCode: rule.divisionCode, stated: rule.stated as WaitlistPriority[] };
}

async function waitlistEntries(db: Db, institutionId: string) {
  const rule = await findWaitlistRule(db, institutionId);
  const rows = await q.findWaitlisted(db, institutionId);
  const entries = rows.map((r) => ({
    id: r.id,
    applicationId: r.application_id,
    appliedAt: new Date(r.created_at),
    priorities: prioritiesOf(r, rule.divisionCode),
  }));
  return { entries, stated: rule.stated };
}

/** Waitlist positions at the institution by choice id, worked out on every read. */
export async function waitlistFor(deps: Deps, institutionId: string): Promise<Map<string, number>> {
  const { entries, stated } = await waitlistEntries(deps.db, institutionId);
  return waitlistPositions(entries, stated);
}

/**
 * After a change that can move these institutions' waitlists (a choice joining or leaving one,
 * its priorities restated), tells the guardians of the choice now first on each, in the change's
 * transaction. A choice is told once: staying first, or a second change, tells no one again.
 */
export async function tellWhoIsFirst(trx: Transaction<DB>, institutionIds: readonly string[], now: Date) {
  for (const institutionId of [...new Set(institutionIds)].sort()) {
    // Changes to one waitlist take turns here (in one order, so never in a cycle): the one that
    // commits last reads the others' changes, so no choice that ends up first goes untold.
    await sql`select pg_advisory_xact_lock(hashtext(${`waitlist:${institutionId}`}))`.execute(trx);
    const { entries, stated } = await waitlistEntries(trx, institutionId);
    const first = orderWaitlist(entries, stated)[0];
    if (!first) continue;
    const application = await q.findApplication(trx, first.applicationId);
    if (!application) continue;
    await tellFirstOnWaitlist(
      trx,
      { childId: application.child_id, childName: application.child_name, institutionId, choiceId: first.id },
      now,
    );
  }
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
    await tellWhoIsFirst(trx, [institutionId], now);
  });
  return { priorities: (await findWaitlistRule(deps.db, institutionId)).stated };
}
