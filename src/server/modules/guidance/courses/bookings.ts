import { randomInt } from 'node:crypto';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import {
  ageFitsBand,
  type BookingAction,
  type BookingStatus,
  BookingWorkflow,
  newBookingStatus,
  waitlistPosition,
} from '../../../../domain/guidance/index.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { findChildSummaries, isGuardianOf } from '../../children/index.ts';
import { presentLectureState } from './lectures.ts';
import { tellBooked } from './notifications.ts';
import * as q from './queries.ts';
import { findCourseSettings } from './settings.ts';
import { offerFreedSeats } from './waitlist.ts';

/** Who a booking is for: the child, checked against the course's age band on the session's date. */
async function bookingSubject(db: Db, scope: Scope, session: q.LockedSession, childId: string | undefined) {
  if (session.audience === 'parent') {
    if (childId) throw fieldError('body.childId', 'booking.noChildForParents');
    return null;
  }
  if (!childId) throw fieldError('body.childId', 'booking.childRequired');
  if (!(await isGuardianOf(db, scope.actor.userId, childId))) throw fieldError('body.childId', 'booking.childNotYours');
  const [child] = await findChildSummaries(db, [childId]);
  if (!child) throw fieldError('body.childId', 'booking.childNotYours');
  const date = toShanghaiDate(session.starts_at);
  const band = { fromMonths: session.min_age_months ?? 0, toMonths: session.max_age_months ?? 72 };
  const fit = ageFitsBand(child.birth_date, date, band);
  if (!fit.fits) {
    throw new AppError('COURSE_AGE_MISMATCH', {
      child: child.name,
      date,
      months: fit.months ?? 0,
      from: band.fromMonths,
      to: band.toMonths,
    });
  }
  return childId;
}

/**
 * Books a seat, or a place on the waitlist when none is free. The session row is locked for the
 * whole decision, so concurrent bookers are served one by one in the order they got the lock:
 * never more confirmed than seats, and the waitlist in order of arrival.
 */
export async function bookSession(deps: Deps, scope: Scope, sessionId: string, body: { childId?: string }, context: AuditContext) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const session = await q.lockSession(trx, sessionId);
    if (!session) throw new AppError('NOT_FOUND');
    // A recording is watched at any time in its session's window, so it takes bookings until the end.
    if ((session.delivery === 'recorded' ? session.ends_at : session.starts_at) <= now) throw new AppError('SESSION_STARTED');
    const childId = await bookingSubject(trx, scope, session, body.childId);
    const live = await q.findLiveBookings(trx, sessionId);
    if (live.some((b) => (childId ? b.child_id === childId : b.child_id === null && b.booker_id === scope.actor.userId)))
      throw new AppError('ALREADY_BOOKED');
    const status = newBookingStatus(session.seats, live);
    const row = await q.insertBooking(trx, {
      session_id: sessionId,
      booker_id: scope.actor.userId,
      child_id: childId,
      status,
      check_in_code: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      created_at: now,
      updated_at: now,
    });
    await q.recordTransition(trx, row.id, status, scope.actor.userId, now);
    const position = waitlistPosition([...live, { id: row.id, status, queueNo: Number(row.queue_no) }], row.id);
    await tellBooked(trx, { bookerId: scope.actor.userId, course: session.title, startsAt: session.starts_at }, { status, position }, now);
    await appendAudit(
      trx,
      context,
      { action: 'course_booking.book', entityType: 'course_booking', entityId: row.id, detail: { sessionId, childId, status, position } },
      now,
    );
    return { id: row.id, status, ...(position ? { position } : {}) };
  });
}

/** The booker's own booking under its session's lock; another person's booking is not found. */
async function lockOwnBooking(trx: Db, scope: Scope, bookingId: string) {
  const found = await q.findBooking(trx, bookingId);
  if (!found || found.booker_id !== scope.actor.userId) throw new AppError('NOT_FOUND');
  const session = (await q.lockSession(trx, found.session_id)) as q.LockedSession;
  const booking = (await q.findBooking(trx, bookingId)) as NonNullable<typeof found>;
  return { session, booking, status: booking.status as BookingStatus };
}

function stepOrRefuse(status: BookingStatus, action: BookingAction) {
  const step = BookingWorkflow.step(status, action);
  if (!step)
    throw actionNotAllowed('TRANSITION_NOT_ALLOWED', { status, action, allowed: BookingWorkflow.allowedActions(status, ['booker']) });
  return step;
}

/** Cancels until the set hours before the session; the freed seat goes to the first waiting booker. */
export async function cancelBooking(deps: Deps, scope: Scope, bookingId: string, context: AuditContext) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { session, booking, status } = await lockOwnBooking(trx, scope, bookingId);
    const step = stepOrRefuse(status, 'cancel');
    const { cancelBeforeHours } = await findCourseSettings(trx);
    if (now.getTime() > session.starts_at.getTime() - cancelBeforeHours * 3_600_000)
      throw new AppError('CANCEL_CLOSED', { hours: cancelBeforeHours });
    await q.moveBooking(trx, { id: booking.id, from: status }, { to: step.to, action: 'cancel', actorId: scope.actor.userId }, now);
    await appendAudit(
      trx,
      context,
      { action: 'course_booking.cancel', entityType: 'course_booking', entityId: booking.id, detail: { from: status } },
      now,
    );
    await offerFreedSeats(trx, session, now);
  });
}

/** Takes a seat offered from the waitlist, before the offer expires. */
export async function confirmOffer(deps: Deps, scope: Scope, bookingId: string, context: AuditContext) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { session, booking, status } = await lockOwnBooking(trx, scope, bookingId);
    const step = stepOrRefuse(status, 'confirm');
    if ((booking.offer_expires_at as Date) <= now) throw new AppError('SEAT_OFFER_EXPIRED');
    await q.moveBooking(trx, { id: booking.id, from: status }, { to: step.to, action: 'confirm', actorId: scope.actor.userId }, now);
    await tellBooked(
      trx,
      { bookerId: booking.booker_id, course: session.title, startsAt: session.starts_at },
      { status: 'confirmed' },
      now,
    );
    await appendAudit(trx, context, { action: 'course_booking.confirm', entityType: 'course_booking', entityId: booking.id }, now);
  });
}

/** The parent's bookings, with the waitlist place, the QR code of a confirmed seat and what they may do now. */
export async function listMyBookings(deps: Deps, scope: Scope) {
  const now = deps.clock.now();
  const rows = await q.findBookingsOf(deps.db, scope.actor.userId);
  const children = new Map(
    (await findChildSummaries(deps.db, [...new Set(rows.flatMap((r) => (r.child_id ? [r.child_id] : [])))])).map((c) => [c.id, c]),
  );
  const { cancelBeforeHours } = await findCourseSettings(deps.db);
  const waitingBySession = new Map<string, Awaited<ReturnType<typeof q.findLiveBookings>>>();
  for (const r of rows.filter((b) => b.status === 'waitlisted'))
    if (!waitingBySession.has(r.session_id)) waitingBySession.set(r.session_id, await q.findLiveBookings(deps.db, r.session_id));
  return rows.map((r) => {
    const status = r.status as BookingStatus;
    const position = waitingBySession.has(r.session_id) ? waitlistPosition(waitingBySession.get(r.session_id) ?? [], r.id) : undefined;
    const child = r.child_id ? children.get(r.child_id) : undefined;
    return {
      id: r.id,
      status,
      ...(position ? { position } : {}),
      offerExpiresAt: r.offer_expires_at?.toISOString() ?? null,
      checkInCode: status === 'confirmed' ? r.check_in_code : null,
      checkedInAt: r.checked_in_at?.toISOString() ?? null,
      rating: r.rating,
      comment: r.comment,
      child: child ? { id: child.id, name: child.name } : null,
      session: { id: r.session_id, startsAt: r.starts_at.toISOString(), endsAt: r.ends_at.toISOString() },
      course: { id: r.course_id, title: r.title, kind: r.kind as never, delivery: r.delivery as never, venue: r.venue },
      lecture: presentLectureState(r),
      canCancel:
        BookingWorkflow.step(status, 'cancel') !== undefined && now.getTime() <= r.starts_at.getTime() - cancelBeforeHours * 3_600_000,
      canRate: status === 'confirmed' && r.ends_at <= now && r.rating === null,
    };
  });
}
