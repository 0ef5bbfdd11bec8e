import type { Insertable } from 'kysely';
import type { BookingStatus } from '../../../../domain/guidance/index.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

export function insertCourse(db: Db, row: Insertable<DB['courses']>) {
  return db.insertInto('courses').values(row).returning('id').executeTakeFirstOrThrow();
}

export function findCourse(db: Db, id: string) {
  return db.selectFrom('courses').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Courses with a session starting in [from, to), with their next such session. */
export function findCourses(db: Db, filter: { audience?: 'child' | 'parent'; ageMonths?: number; from: Date; to: Date | null }) {
  let query = db
    .selectFrom('courses as c')
    .innerJoin('course_sessions as s', 's.course_id', 'c.id')
    .selectAll('c')
    .select((eb) => eb.fn.min('s.starts_at').as('next_session_at'))
    .where('s.starts_at', '>=', filter.from)
    .groupBy('c.id')
    .orderBy('next_session_at')
    .orderBy('c.id');
  if (filter.to) query = query.where('s.starts_at', '<', filter.to);
  if (filter.audience) query = query.where('c.audience', '=', filter.audience);
  if (filter.ageMonths !== undefined) {
    const age = filter.ageMonths;
    // Courses for parents have no band: they suit a parent of a child of any age.
    query = query.where((eb) =>
      eb.or([eb('c.min_age_months', 'is', null), eb.and([eb('c.min_age_months', '<=', age), eb('c.max_age_months', '>', age)])]),
    );
  }
  return query.limit(200).execute();
}

/** Sessions of a course with the seats held and the bookers waiting. */
export function findSessions(db: Db, courseId: string) {
  return sessionLoad(db).where('s.course_id', '=', courseId).orderBy('s.starts_at').execute();
}

export function findSessionLoad(db: Db, sessionId: string) {
  return sessionLoad(db).where('s.id', '=', sessionId).executeTakeFirst();
}

function sessionLoad(db: Db) {
  return db
    .selectFrom('course_sessions as s')
    .leftJoin('course_bookings as b', 'b.session_id', 's.id')
    .selectAll('s')
    .select((eb) => [
      eb.fn.count<string>('b.id').filterWhere('b.status', 'in', ['confirmed', 'offered']).as('held'),
      eb.fn.count<string>('b.id').filterWhere('b.status', '=', 'waitlisted').as('waiting'),
    ])
    .groupBy('s.id');
}

export function insertSession(db: Db, row: Insertable<DB['course_sessions']>) {
  return db.insertInto('course_sessions').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The session, locked: every change to its bookings happens under this lock, so seats are counted once. */
export function lockSession(db: Db, sessionId: string) {
  return db
    .selectFrom('course_sessions as s')
    .innerJoin('courses as c', 'c.id', 's.course_id')
    .select([
      's.id',
      's.course_id',
      's.starts_at',
      's.ends_at',
      's.seats',
      'c.title',
      'c.audience',
      'c.delivery',
      'c.min_age_months',
      'c.max_age_months',
    ])
    .where('s.id', '=', sessionId)
    .forUpdate('s')
    .executeTakeFirst();
}
export type LockedSession = NonNullable<Awaited<ReturnType<typeof lockSession>>>;

/** The session at its new time; an offer never outlasts the session's start, so one ending later ends at the new start. */
export async function moveSession(db: Db, sessionId: string, startsAt: Date, endsAt: Date) {
  await db.updateTable('course_sessions').set({ starts_at: startsAt, ends_at: endsAt }).where('id', '=', sessionId).execute();
  await db
    .updateTable('course_bookings')
    .set({ offer_expires_at: startsAt })
    .where('session_id', '=', sessionId)
    .where('status', '=', 'offered')
    .where('offer_expires_at', '>', startsAt)
    .execute();
}

export function setSeats(db: Db, sessionId: string, seats: number) {
  return db.updateTable('course_sessions').set({ seats }).where('id', '=', sessionId).execute();
}

/** The bookings that hold or wait for a seat, in queue order. */
export async function findLiveBookings(db: Db, sessionId: string) {
  const rows = await db
    .selectFrom('course_bookings')
    .select(['id', 'status', 'queue_no', 'booker_id', 'child_id'])
    .where('session_id', '=', sessionId)
    .where('status', 'in', ['confirmed', 'offered', 'waitlisted'])
    .orderBy('queue_no')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status as BookingStatus, queueNo: Number(r.queue_no) }));
}

export function insertBooking(db: Db, row: Insertable<DB['course_bookings']>) {
  return db.insertInto('course_bookings').values(row).returning(['id', 'queue_no']).executeTakeFirstOrThrow();
}

export function findBooking(db: Db, id: string) {
  return db.selectFrom('course_bookings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function moveBooking(
  db: Db,
  booking: { id: string; from: BookingStatus },
  change: { to: BookingStatus; action: string; actorId: string | null; offerExpiresAt?: Date | null },
  now: Date,
) {
  await db
    .updateTable('course_bookings')
    .set({ status: change.to, offer_expires_at: change.offerExpiresAt ?? null, updated_at: now })
    .where('id', '=', booking.id)
    .execute();
  await db
    .insertInto('course_booking_transitions')
    .values({
      booking_id: booking.id,
      action: change.action,
      from_status: booking.from,
      to_status: change.to,
      actor_id: change.actorId,
      at: now,
    })
    .execute();
}

export function recordTransition(db: Db, bookingId: string, to: BookingStatus, actorId: string, now: Date) {
  return db
    .insertInto('course_booking_transitions')
    .values({ booking_id: bookingId, action: 'book', from_status: null, to_status: to, actor_id: actorId, at: now })
    .execute();
}

export function setCheckedIn(db: Db, id: string, by: string, now: Date) {
  return db
    .updateTable('course_bookings')
    .set({ checked_in_at: now, checked_in_by: by, updated_at: now })
    .where('id', '=', id)
    .where('checked_in_at', 'is', null)
    .executeTakeFirst();
}

export function setFeedback(db: Db, id: string, feedback: { rating: number; comment: string }, now: Date) {
  return db
    .updateTable('course_bookings')
    .set({ rating: feedback.rating, comment: feedback.comment, rated_at: now, updated_at: now })
    .where('id', '=', id)
    .where('rated_at', 'is', null)
    .executeTakeFirst();
}

/** Bookings with their session (`s`) and course (`c`). */
function bookingsWithCourse(db: Db) {
  return db
    .selectFrom('course_bookings as b')
    .innerJoin('course_sessions as s', 's.id', 'b.session_id')
    .innerJoin('courses as c', 'c.id', 's.course_id');
}

/** A booker's bookings with their session and course, newest session first. */
export function findBookingsOf(db: Db, bookerId: string) {
  return bookingsWithCourse(db)
    .select([
      'b.id',
      'b.status',
      'b.session_id',
      'b.child_id',
      'b.offer_expires_at',
      'b.check_in_code',
      'b.checked_in_at',
      'b.rating',
      'b.comment',
      's.starts_at',
      's.ends_at',
      'c.id as course_id',
      'c.title',
      'c.kind',
      'c.delivery',
      'c.venue',
      'c.online_url',
      'c.duration_minutes',
      'b.opened_at',
      'b.finished_at',
    ])
    .where('b.booker_id', '=', bookerId)
    .orderBy('s.starts_at', 'desc')
    .orderBy('b.queue_no')
    .limit(200)
    .execute();
}

/** Every booking of a session in queue order, with the booker's name. */
export function findRoster(db: Db, sessionId: string) {
  return db
    .selectFrom('course_bookings as b')
    .innerJoin('users as u', 'u.id', 'b.booker_id')
    .select(['b.id', 'b.status', 'b.queue_no', 'b.child_id', 'b.checked_in_at', 'b.rating', 'u.name as booker_name'])
    .where('b.session_id', '=', sessionId)
    .orderBy('b.queue_no')
    .execute();
}

/** The ratings of a course's sessions, each with its comments. */
export function findRatings(db: Db, courseId: string) {
  return db
    .selectFrom('course_bookings as b')
    .innerJoin('course_sessions as s', 's.id', 'b.session_id')
    .select(['s.id as session_id', 's.starts_at', 'b.rating', 'b.comment', 'b.rated_at'])
    .where('s.course_id', '=', courseId)
    .where('b.rated_at', 'is not', null)
    .orderBy('s.starts_at')
    .orderBy('b.rated_at')
    .execute();
}

/** A course's sessions with their confirmed seats and how many of those opened and finished the lecture. */
export function findSessionsOfCourse(db: Db, courseId: string) {
  return db
    .selectFrom('course_sessions as s')
    .leftJoin('course_bookings as b', (join) => join.onRef('b.session_id', '=', 's.id').on('b.status', '=', 'confirmed'))
    .select((eb) => [
      's.id',
      's.starts_at',
      's.ends_at',
      eb.fn.count<string>('b.id').as('booked'),
      eb.fn.count<string>('b.opened_at').as('opened'),
      eb.fn.count<string>('b.finished_at').as('finished'),
    ])
    .where('s.course_id', '=', courseId)
    .groupBy('s.id')
    .orderBy('s.starts_at')
    .execute();
}

/** A booking with what opening its lecture needs: the session's times and the course's address. */
export function findBookingLecture(db: Db, bookingId: string) {
  return bookingsWithCourse(db)
    .select([
      'b.id',
      'b.booker_id',
      'b.status',
      'b.opened_at',
      'b.finished_at',
      's.starts_at',
      's.ends_at',
      'c.delivery',
      'c.online_url',
      'c.duration_minutes',
    ])
    .where('b.id', '=', bookingId)
    .executeTakeFirst();
}
export type BookingLecture = NonNullable<Awaited<ReturnType<typeof findBookingLecture>>>;

/** The first opening is kept: a second one changes nothing. */
export function setOpened(db: Db, id: string, now: Date) {
  return db
    .updateTable('course_bookings')
    .set({ opened_at: now, updated_at: now })
    .where('id', '=', id)
    .where('opened_at', 'is', null)
    .returning(['opened_at', 'finished_at'])
    .executeTakeFirst();
}

export function setFinished(db: Db, id: string, now: Date) {
  return db
    .updateTable('course_bookings')
    .set({ finished_at: now, updated_at: now })
    .where('id', '=', id)
    .where('finished_at', 'is', null)
    .where('opened_at', 'is not', null)
    .returning(['opened_at', 'finished_at'])
    .executeTakeFirst();
}

/** Offers past their expiry, one row per session that has any. */
export function findSessionsWithExpiredOffers(db: Db, now: Date) {
  return db
    .selectFrom('course_bookings')
    .select('session_id')
    .distinct()
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .execute();
}

export function findExpiredOffers(db: Db, sessionId: string, now: Date) {
  return db
    .selectFrom('course_bookings')
    .select(['id', 'booker_id'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'offered')
    .where('offer_expires_at', '<=', now)
    .execute();
}

/** Confirmed bookings of sessions starting in (now, until]: the ones to remind. */
export function findBookingsToRemind(db: Db, now: Date, until: Date) {
  return bookingsWithCourse(db)
    .select(['b.id', 'b.booker_id', 's.starts_at', 'c.title', 'c.venue'])
    .where('b.status', '=', 'confirmed')
    .where('s.starts_at', '>', now)
    .where('s.starts_at', '<=', until)
    .execute();
}
