import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { presentSession } from './catalogue.ts';
import { tellSessionMoved } from './notifications.ts';
import * as q from './queries.ts';
import type { SessionTimeBody } from './schemas.ts';
import { requireCourseStaff } from './settings.ts';

/**
 * The center moves a session that has not started to a new time, not in the past. Under the
 * session's lock, like every change to its bookings: everyone holding or waiting for a seat is
 * told in the same transaction, and nobody books the old time meanwhile.
 */
export async function rescheduleSession(deps: Deps, scope: Scope, sessionId: string, body: SessionTimeBody, context: AuditContext) {
  await requireCourseStaff(deps.db, scope);
  const now = deps.clock.now();
  const startsAt = new Date(body.startsAt);
  const endsAt = new Date(body.endsAt);
  if (startsAt <= now) throw fieldError('body.startsAt', 'session.past');
  await deps.db.transaction().execute(async (trx) => {
    const session = await q.lockSession(trx, sessionId);
    if (!session) throw new AppError('NOT_FOUND');
    if (session.starts_at <= now) throw new AppError('SESSION_STARTED');
    await q.moveSession(trx, sessionId, startsAt, endsAt);
    const bookerIds = (await q.findLiveBookings(trx, sessionId)).map((b) => b.booker_id);
    await appendAudit(
      trx,
      context,
      {
        action: 'course_session.reschedule',
        entityType: 'course_session',
        entityId: sessionId,
        detail: {
          from: { startsAt: session.starts_at.toISOString(), endsAt: session.ends_at.toISOString() },
          to: body,
          told: bookerIds.length,
        },
      },
      now,
    );
    await tellSessionMoved(trx, { bookerIds, course: session.title, from: session.starts_at, startsAt }, now);
  });
  return presentSession((await q.findSessionLoad(deps.db, sessionId)) as NonNullable<Awaited<ReturnType<typeof q.findSessionLoad>>>);
}
