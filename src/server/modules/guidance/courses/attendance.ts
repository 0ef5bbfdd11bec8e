import { finishedShare, waitlistPosition } from '../../../../domain/guidance/index.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { auditChildReads, findChildSummaries } from '../../children/index.ts';
import { presentSession } from './catalogue.ts';
import * as q from './queries.ts';
import { requireCourseStaff } from './settings.ts';

/** The session's bookings in queue order for the center's staff; the children's names read are audited. */
export async function getRoster(deps: Deps, scope: Scope, sessionId: string, context: AuditContext) {
  await requireCourseStaff(deps.db, scope);
  const session = await q.findSessionLoad(deps.db, sessionId);
  if (!session) throw new AppError('NOT_FOUND');
  const course = (await q.findCourse(deps.db, session.course_id)) as NonNullable<Awaited<ReturnType<typeof q.findCourse>>>;
  const rows = await q.findRoster(deps.db, sessionId);
  const childIds = rows.flatMap((r) => (r.child_id ? [r.child_id] : []));
  const children = new Map((await findChildSummaries(deps.db, childIds)).map((c) => [c.id, c.name]));
  await auditChildReads(deps, context, childIds, 'course_roster');
  const holders = rows.map((r) => ({ id: r.id, status: r.status as never, queueNo: Number(r.queue_no) }));
  return {
    session: presentSession(session),
    course: { id: course.id, title: course.title },
    items: rows.map((r) => {
      const position = waitlistPosition(holders, r.id);
      return {
        id: r.id,
        status: r.status as never,
        ...(position ? { position } : {}),
        bookerName: r.booker_name,
        childName: r.child_id ? (children.get(r.child_id) ?? null) : null,
        checkedInAt: r.checked_in_at?.toISOString() ?? null,
        rating: r.rating,
      };
    }),
  };
}

/** Staff check a confirmed booking in with the code from its QR; a wrong code changes nothing. */
export async function checkIn(deps: Deps, scope: Scope, bookingId: string, code: string, context: AuditContext) {
  await requireCourseStaff(deps.db, scope);
  const booking = await q.findBooking(deps.db, bookingId);
  if (!booking) throw new AppError('NOT_FOUND');
  if (booking.check_in_code !== code) throw fieldError('body.code', 'booking.codeWrong');
  if (booking.status !== 'confirmed')
    throw new AppError('TRANSITION_NOT_ALLOWED', { status: booking.status, action: 'check-in', allowed: '—' });
  if (booking.checked_in_at) throw new AppError('ALREADY_CHECKED_IN');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if ((await q.setCheckedIn(trx, bookingId, scope.actor.userId, now)).numUpdatedRows === 0n) throw new AppError('ALREADY_CHECKED_IN');
    await appendAudit(trx, context, { action: 'course_booking.check_in', entityType: 'course_booking', entityId: bookingId }, now);
  });
  return { id: bookingId, checkedInAt: now.toISOString() };
}

/** One rating per confirmed booking, after its session has ended. */
export async function giveFeedback(
  deps: Deps,
  scope: Scope,
  bookingId: string,
  body: { rating: number; comment: string },
  context: AuditContext,
) {
  const booking = await q.findBooking(deps.db, bookingId);
  if (!booking || booking.booker_id !== scope.actor.userId) throw new AppError('NOT_FOUND');
  const session = (await q.findSessionLoad(deps.db, booking.session_id)) as NonNullable<Awaited<ReturnType<typeof q.findSessionLoad>>>;
  const now = deps.clock.now();
  if (booking.status !== 'confirmed' || session.ends_at > now || booking.rated_at) throw new AppError('FEEDBACK_NOT_OPEN');
  await deps.db.transaction().execute(async (trx) => {
    if ((await q.setFeedback(trx, bookingId, body, now)).numUpdatedRows === 0n) throw new AppError('FEEDBACK_NOT_OPEN');
    await appendAudit(
      trx,
      context,
      { action: 'course_booking.feedback', entityType: 'course_booking', entityId: bookingId, detail: { rating: body.rating } },
      now,
    );
  });
}

const average = (xs: number[]) => (xs.length === 0 ? null : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

/** Confirmed seats and how many of them opened and finished the online lecture. */
function watching(counts: { booked: number; opened: number; finished: number }) {
  return { ...counts, finishedShare: finishedShare(counts.booked, counts.finished) };
}

/** Ratings of a course and who watched it online, overall and per session, with the comments. */
export async function getRatings(deps: Deps, scope: Scope, courseId: string) {
  await requireCourseStaff(deps.db, scope);
  if (!(await q.findCourse(deps.db, courseId))) throw new AppError('NOT_FOUND');
  const [sessions, ratings] = await Promise.all([q.findSessionsOfCourse(deps.db, courseId), q.findRatings(deps.db, courseId)]);
  const all = ratings.map((r) => r.rating as number);
  const counted = sessions.map((s) => ({ ...s, booked: Number(s.booked), opened: Number(s.opened), finished: Number(s.finished) }));
  const sum = (key: 'booked' | 'opened' | 'finished') => counted.reduce((n, s) => n + s[key], 0);
  return {
    courseId,
    average: average(all),
    count: all.length,
    ...watching({ booked: sum('booked'), opened: sum('opened'), finished: sum('finished') }),
    sessions: counted.map((s) => {
      const mine = ratings.filter((r) => r.session_id === s.id);
      return {
        id: s.id,
        ...watching(s),
        startsAt: s.starts_at.toISOString(),
        endsAt: s.ends_at.toISOString(),
        average: average(mine.map((r) => r.rating as number)),
        count: mine.length,
        comments: mine
          .filter((r) => r.comment)
          .map((r) => ({ rating: r.rating as number, comment: r.comment as string, at: (r.rated_at as Date).toISOString() })),
      };
    }),
  };
}
