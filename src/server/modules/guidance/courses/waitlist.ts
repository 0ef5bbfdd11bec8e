import { BookingWorkflow, bookingsToOffer } from '../../../../domain/guidance/index.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import { appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { tellSeatOffered } from './notifications.ts';
import * as q from './queries.ts';
import { findCourseSettings } from './settings.ts';

/**
 * Offers each free seat of a locked session to the first waiting booker, until the seats are
 * held or nobody waits. An offer lasts the set hours, never past the session's start; a session
 * already started offers nothing.
 */
export async function offerFreedSeats(trx: Db, session: q.LockedSession, now: Date): Promise<string[]> {
  if (session.starts_at <= now) return [];
  const live = await q.findLiveBookings(trx, session.id);
  const due = bookingsToOffer(session.seats, live);
  if (due.length === 0) return [];
  const { offerHours } = await findCourseSettings(trx);
  const expiresAt = new Date(Math.min(now.getTime() + offerHours * 3_600_000, session.starts_at.getTime()));
  for (const id of due) {
    const booking = live.find((b) => b.id === id) as (typeof live)[number];
    await q.moveBooking(trx, { id, from: 'waitlisted' }, { to: 'offered', action: 'offer', actorId: null, offerExpiresAt: expiresAt }, now);
    await tellSeatOffered(
      trx,
      { bookingId: id, bookerId: booking.booker_id, course: session.title, startsAt: session.starts_at, expiresAt },
      now,
    );
  }
  await appendAudit(
    trx,
    SYSTEM_CONTEXT,
    due.map((id) => ({
      action: 'course_booking.offer',
      entityType: 'course_booking',
      entityId: id,
      detail: { expiresAt: expiresAt.toISOString() },
    })),
    now,
  );
  return due;
}

/**
 * Ends offers past their expiry and passes each seat to the next waiting booker. Each session is
 * handled under its lock and only offers still open are ended, so two processes running this at
 * once expire and offer each seat once.
 */
export async function expireSeatOffers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let expired = 0;
  for (const { session_id } of await q.findSessionsWithExpiredOffers(deps.db, now)) {
    expired += await deps.db.transaction().execute(async (trx) => {
      const session = await q.lockSession(trx, session_id);
      if (!session) return 0;
      const lapsed = await q.findExpiredOffers(trx, session_id, now);
      for (const b of lapsed) {
        const to = BookingWorkflow.step('offered', 'expire')?.to ?? 'expired';
        await q.moveBooking(trx, { id: b.id, from: 'offered' }, { to, action: 'expire', actorId: null }, now);
      }
      await appendAudit(
        trx,
        SYSTEM_CONTEXT,
        lapsed.map((b) => ({ action: 'course_booking.expire', entityType: 'course_booking', entityId: b.id })),
        now,
      );
      await offerFreedSeats(trx, session, now);
      return lapsed.length;
    });
  }
  return expired;
}
