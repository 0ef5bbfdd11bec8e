import { toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import { notify } from '../../../platform/notifications/notify.ts';

export const BOOKINGS_LINK = '/family/bookings';

type About = { bookerId: string; course: string; startsAt: Date };

export function tellBooked(db: Db, about: About, outcome: { status: 'confirmed' | 'waitlisted'; position?: number }, now: Date) {
  const params = { course: about.course, startsAt: toShanghaiMinute(about.startsAt) };
  if (outcome.status === 'confirmed')
    return notify(db, [about.bookerId], { kind: 'courses.booking_confirmed', params, link: BOOKINGS_LINK }, now);
  return notify(
    db,
    [about.bookerId],
    { kind: 'courses.booking_waitlisted', params: { ...params, position: outcome.position ?? 1 }, link: BOOKINGS_LINK },
    now,
  );
}

export function tellSeatOffered(db: Db, about: About & { bookingId: string; expiresAt: Date }, now: Date) {
  return notify(
    db,
    [about.bookerId],
    {
      kind: 'courses.seat_offered',
      params: { course: about.course, startsAt: toShanghaiMinute(about.startsAt), expiresAt: toShanghaiMinute(about.expiresAt) },
      link: BOOKINGS_LINK,
      dedupeKey: `offer:${about.bookingId}`,
    },
    now,
  );
}

/**
 * Once per booking and start time: two processes running the reminder job at once still send
 * one, and a session moved after its reminder is reminded of again for its new time.
 */
export function tellSessionSoon(db: Db, about: About & { bookingId: string }, now: Date) {
  return notify(
    db,
    [about.bookerId],
    {
      kind: 'courses.session_reminder',
      params: { course: about.course, startsAt: toShanghaiMinute(about.startsAt) },
      link: BOOKINGS_LINK,
      dedupeKey: `reminder:${about.bookingId}:${about.startsAt.toISOString()}`,
    },
    now,
  );
}

/** Everyone holding or waiting for a seat hears of a new time, in the moving transaction. */
export function tellSessionMoved(db: Db, about: { bookerIds: string[]; course: string; from: Date; startsAt: Date }, now: Date) {
  return notify(
    db,
    about.bookerIds,
    {
      kind: 'courses.session_moved',
      params: { course: about.course, from: toShanghaiMinute(about.from), startsAt: toShanghaiMinute(about.startsAt) },
      link: BOOKINGS_LINK,
    },
    now,
  );
}
