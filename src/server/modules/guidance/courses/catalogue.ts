import { addDaysIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isAllowedOnlineUrl } from '../../../../domain/guidance/index.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import * as q from './queries.ts';
import type { CourseQuery, CourseView, NewCourse, NewSession } from './schemas.ts';
import { findCourseSettings, requireCourseStaff } from './settings.ts';
import { offerFreedSeats } from './waitlist.ts';

type CourseRow = NonNullable<Awaited<ReturnType<typeof q.findCourse>>>;

function presentCourse(row: CourseRow, nextSessionAt: Date | null): CourseView {
  return {
    id: row.id,
    kind: row.kind as CourseView['kind'],
    title: row.title,
    description: row.description,
    audience: row.audience as CourseView['audience'],
    ageBand: row.min_age_months === null ? null : { fromMonths: row.min_age_months, toMonths: row.max_age_months as number },
    delivery: row.delivery as CourseView['delivery'],
    venue: row.venue,
    durationMinutes: row.duration_minutes,
    priceFen: row.price_fen,
    nextSessionAt: nextSessionAt?.toISOString() ?? null,
  };
}

function presentSession(s: NonNullable<Awaited<ReturnType<typeof q.findSessionLoad>>>) {
  return {
    id: s.id,
    startsAt: s.starts_at.toISOString(),
    endsAt: s.ends_at.toISOString(),
    seats: s.seats,
    seatsLeft: Math.max(0, s.seats - Number(s.held)),
    waiting: Number(s.waiting),
  };
}

/** Shanghai midnight of a calendar date, as an instant. */
const startOfDay = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** The public catalogue: courses with a session in the dates asked (from today on by default). */
export async function listCourses(deps: Deps, query: CourseQuery) {
  if (query.from && query.to && query.to < query.from) throw fieldError('query.to', 'dates.order');
  const today = todayInShanghai(deps.clock.now());
  const from = startOfDay(query.from ?? today);
  const to = query.to ? startOfDay(addDaysIso(query.to, 1)) : null;
  const rows = await q.findCourses(deps.db, { audience: query.audience, ageMonths: query.ageMonths, from, to });
  return rows.map((r) => presentCourse(r, r.next_session_at ? new Date(r.next_session_at) : null));
}

export async function getCourse(deps: Deps, id: string) {
  const course = await q.findCourse(deps.db, id);
  if (!course) throw new AppError('NOT_FOUND');
  const sessions = (await q.findSessions(deps.db, id)).map(presentSession);
  const now = deps.clock.now().toISOString();
  return { ...presentCourse(course, null), nextSessionAt: sessions.find((s) => s.startsAt > now)?.startsAt ?? null, sessions };
}

export async function createCourse(deps: Deps, scope: Scope, body: NewCourse, context: AuditContext) {
  await requireCourseStaff(deps.db, scope);
  const { onlineHosts } = await findCourseSettings(deps.db);
  if (body.delivery !== 'venue' && !isAllowedOnlineUrl(body.onlineUrl as string, onlineHosts))
    throw fieldError('body.onlineUrl', 'course.onlineHost');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await q.insertCourse(trx, {
      kind: body.kind,
      title: body.title,
      description: body.description,
      audience: body.audience,
      min_age_months: body.ageBand?.fromMonths ?? null,
      max_age_months: body.ageBand?.toMonths ?? null,
      delivery: body.delivery,
      venue: body.delivery === 'venue' ? body.venue : null,
      online_url: body.delivery === 'venue' ? null : body.onlineUrl,
      duration_minutes: body.delivery === 'recorded' ? body.durationMinutes : null,
      price_fen: body.priceFen,
      created_by: scope.actor.userId,
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      { action: 'course.create', entityType: 'course', entityId: row.id, detail: { title: body.title, kind: body.kind } },
      now,
    );
    return row.id;
  });
  return getCourse(deps, id);
}

export async function addSession(deps: Deps, scope: Scope, courseId: string, body: NewSession, context: AuditContext) {
  await requireCourseStaff(deps.db, scope);
  if (!(await q.findCourse(deps.db, courseId))) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const startsAt = new Date(body.startsAt);
  if (startsAt <= now) throw fieldError('body.startsAt', 'session.past');
  const id = await deps.db.transaction().execute(async (trx) => {
    const row = await q.insertSession(trx, {
      course_id: courseId,
      starts_at: startsAt,
      ends_at: new Date(body.endsAt),
      seats: body.seats,
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      { action: 'course_session.create', entityType: 'course_session', entityId: row.id, detail: { courseId, ...body } },
      now,
    );
    return row.id;
  });
  return presentSession((await q.findSessionLoad(deps.db, id)) as NonNullable<Awaited<ReturnType<typeof q.findSessionLoad>>>);
}

/** More seats (or fewer, down to those held); each added seat is offered to the next waiting booker. */
export async function setSessionSeats(deps: Deps, scope: Scope, sessionId: string, seats: number, context: AuditContext) {
  await requireCourseStaff(deps.db, scope);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const session = await q.lockSession(trx, sessionId);
    if (!session) throw new AppError('NOT_FOUND');
    if (session.starts_at <= now) throw new AppError('SESSION_STARTED');
    const held = (await q.findLiveBookings(trx, sessionId)).filter((b) => b.status !== 'waitlisted').length;
    if (seats < held) throw fieldError('body.seats', 'session.seatsBelowHeld');
    await q.setSeats(trx, sessionId, seats);
    await appendAudit(
      trx,
      context,
      { action: 'course_session.seats', entityType: 'course_session', entityId: sessionId, detail: { from: session.seats, to: seats } },
      now,
    );
    await offerFreedSeats(trx, { ...session, seats }, now);
  });
  return presentSession((await q.findSessionLoad(deps.db, sessionId)) as NonNullable<Awaited<ReturnType<typeof q.findSessionLoad>>>);
}

export { presentSession };
