import { unwellAtCheck } from '../../../../domain/health/unwellAtCheck.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { requireEnrolledOn, requireNotFuture } from '../common/access.ts';
import type { EnrollmentHooks } from '../common/hooks.ts';
import { tellGuardiansUnwell } from './notifications.ts';
import { presentMorningCheck } from './presenters.ts';
import { findMorningChecks, upsertMorningCheck } from './queries.ts';
import type { MorningCheckInput, MorningCheckRecorded } from './schemas.ts';

/**
 * Records the child's morning check (晨检) of the day, replacing an earlier one that day. A child
 * may be checked and still be absent: a child with fever at the check is sent home, and the
 * guardians are told in the transaction that records it.
 */
export async function recordMorningCheck(
  deps: Deps,
  hooks: EnrollmentHooks,
  scope: Scope,
  childId: string,
  day: string,
  input: MorningCheckInput,
  context: AuditContext,
): Promise<MorningCheckRecorded> {
  requireNotFuture(deps, day);
  const enrollment = await requireEnrolledOn(deps, scope, childId, day);
  const now = deps.clock.now();
  const temperatureC = Math.round(input.temperatureC * 10) / 10;
  const feverFromC = await hooks.feverFromC(deps);
  const unwell = unwellAtCheck({ temperatureC, symptoms: input.symptoms }, { feverFromC });
  const written = {
    institution_id: enrollment.institution_id,
    class_id: enrollment.class_id,
    temperature_c: temperatureC.toFixed(1),
    symptoms: input.symptoms,
    note: input.note || null,
    checked_by: scope.actor.userId,
    checked_at: now,
  };
  const guardiansNotified = await deps.db.transaction().execute(async (trx) => {
    await upsertMorningCheck(trx, { child_id: childId, checked_on: day, ...written });
    const told = unwell ? await tellGuardiansUnwell(trx, { childId, day, temperatureC }, now) : 0;
    await appendAudit(
      trx,
      context,
      {
        action: 'morning_check.record',
        entityType: 'child',
        entityId: childId,
        detail: { day, symptoms: input.symptoms.length, unwell: unwell !== null, guardiansNotified: told },
      },
      now,
    );
    return told;
  });
  await hooks.morningCheckRecorded(deps, { classId: enrollment.class_id, day, context });
  const [row] = await findMorningChecks(deps.db, { childIds: [childId], from: day, to: day, institutionIds: null });
  return { ...presentMorningCheck(row as NonNullable<typeof row>, feverFromC), guardiansNotified };
}
