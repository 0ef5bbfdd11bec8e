import type { Deps } from '../../deps.ts';
import type { Scope } from '../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { presentMorningCheck } from './attendancePresenters.ts';
import { findMorningChecks } from './attendanceQueries.ts';
import type { MorningCheckInput, MorningCheckView } from './attendanceSchemas.ts';
import { requireEnrolledOn, requireNotFuture } from './careAccess.ts';
import type { EnrollmentHooks } from './hooks.ts';

/**
 * Records the child's morning check (晨检) of the day, replacing an earlier one that day. A child
 * may be checked and still be absent: a child with fever at the check is sent home.
 */
export async function recordMorningCheck(
  deps: Deps,
  hooks: EnrollmentHooks,
  scope: Scope,
  childId: string,
  day: string,
  input: MorningCheckInput,
  context: AuditContext,
): Promise<MorningCheckView> {
  requireNotFuture(deps, day);
  const enrolment = await requireEnrolledOn(deps, scope, childId, day);
  const now = deps.clock.now();
  const written = {
    institution_id: enrolment.institution_id,
    class_id: enrolment.class_id,
    temperature_c: (Math.round(input.temperatureC * 10) / 10).toFixed(1),
    symptoms: input.symptoms,
    note: input.note || null,
    checked_by: scope.actor.userId,
    checked_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('morning_checks')
      .values({ child_id: childId, checked_on: day, ...written })
      .onConflict((oc) => oc.columns(['child_id', 'checked_on']).doUpdateSet(written))
      .execute();
    await appendAudit(
      trx,
      context,
      { action: 'morning_check.record', entityType: 'child', entityId: childId, detail: { day, symptoms: input.symptoms.length } },
      now,
    );
  });
  await hooks.morningCheckRecorded(deps, { classId: enrolment.class_id, day, context });
  const [row] = await findMorningChecks(deps.db, { childIds: [childId], from: day, to: day, institutionIds: null });
  return presentMorningCheck(row as NonNullable<typeof row>);
}
