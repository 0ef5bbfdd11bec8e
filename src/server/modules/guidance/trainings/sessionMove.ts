import { roundHours } from '../../../../domain/guidance/index.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { tellDirectorsOfMove } from './notifications.ts';
import * as q from './queries.ts';
import type { SessionTimeBody } from './schemas.ts';
import { requireTrainingStaff } from './settings.ts';

/**
 * The center moves a session that has not started to a new time, not in the past, still long
 * enough for its hours. The directors of the staff enrolled are told in the same transaction.
 */
export async function moveTrainingSession(
  deps: Deps,
  scope: Scope,
  params: { id: string; sessionId: string },
  body: SessionTimeBody,
  context: AuditContext,
) {
  await requireTrainingStaff(deps.db, scope);
  const now = deps.clock.now();
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (startsAt <= now) throw fieldError('body.startsAt', 'session.past');
  const hours = await deps.db.transaction().execute(async (trx) => {
    const session = await q.lockSession(trx, params.id, params.sessionId);
    if (!session) throw new AppError('NOT_FOUND');
    if (session.starts_at <= now) throw new AppError('SESSION_STARTED');
    if (roundHours(Number(session.hours)) > roundHours((endsAt.getTime() - startsAt.getTime()) / 3_600_000))
      throw fieldError('body.endsAt', 'training.hoursLongerThanSession');
    await q.moveSession(trx, session.id, startsAt, endsAt);
    const institutionIds = await q.findEnrolledInstitutions(trx, params.id);
    await appendAudit(
      trx,
      context,
      {
        action: 'training_session.reschedule',
        entityType: 'training_session',
        entityId: session.id,
        detail: {
          trainingId: params.id,
          from: { startsAt: session.starts_at.toISOString(), endsAt: session.ends_at.toISOString() },
          to: body,
        },
      },
      now,
    );
    await tellDirectorsOfMove(
      trx,
      { institutionIds, training: session.title, trainingId: params.id, from: session.starts_at, startsAt },
      now,
    );
    return Number(session.hours);
  });
  return { id: params.sessionId, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), hours };
}
