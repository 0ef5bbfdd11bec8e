import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { useCourseCenter } from '../../../../../test/harness/factories/courses.ts';
import { expectRoleMatrix } from '../../../../../test/harness/roles.ts';
import { remindSessions } from './reminders.ts';

const MOVED = { startsAt: '2026-12-12T06:00:00Z', endsAt: '2026-12-12T07:00:00Z' };

describe.each(DIALECTS)('moving a course session on %s', (dialect) => {
  const center = useCourseCenter(dialect);
  const { session, parent } = center;
  const move = (sessionId: string, payload: object, cookie = center.staff) =>
    center.t.app.inject({ method: 'PUT', url: `/api/v1/sessions/${sessionId}/time`, payload, headers: { cookie } });
  const book = (sessionId: string, p: { cookie: string; childId: string }) =>
    center.t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${sessionId}/bookings`,
      payload: { childId: p.childId },
      headers: { cookie: p.cookie },
    });
  const movedNotices = (userId: string) =>
    center.t.deps.db
      .selectFrom('notifications')
      .select('params')
      .where('user_id', '=', userId)
      .where('kind', '=', 'courses.session_moved')
      .execute();

  it('the center moves a session before it starts; the booked and the waiting are told, with the old and new time', async () => {
    const { sessionId } = await session(1);
    const [booked, waiting] = [await parent(), await parent()];
    expect((await book(sessionId, booked)).json().status).toBe('confirmed');
    expect((await book(sessionId, waiting)).json().status).toBe('waitlisted');

    const moved = await move(sessionId, MOVED);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ startsAt: '2026-12-12T06:00:00.000Z', endsAt: '2026-12-12T07:00:00.000Z', seats: 1 });
    for (const p of [booked, waiting]) {
      const told = await movedNotices(p.userId);
      expect(told).toHaveLength(1);
      expect(told[0]?.params).toMatchObject({ course: '走走班', from: '2026-12-10 09:30', startsAt: '2026-12-12 14:00' });
    }
    const audit = await center.t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', sessionId).execute();
    expect(audit.map((a) => a.action)).toContain('course_session.reschedule');
  });

  it('a booker reminded before a move is reminded once more the day before the new time, even by two jobs at once', async () => {
    const { sessionId } = await session(3);
    const booked = await parent();
    expect((await book(sessionId, booked)).json().status).toBe('confirmed');
    const reminders = () =>
      center.t.deps.db
        .selectFrom('notifications')
        .select('params')
        .where('user_id', '=', booked.userId)
        .where('kind', '=', 'courses.session_reminder')
        .orderBy('created_at')
        .execute();

    center.t.clock.set(new Date('2026-12-09T02:00:00Z'));
    await remindSessions(center.t.deps);
    expect(await reminders()).toHaveLength(1);
    const nextWeek = { startsAt: '2026-12-17T01:30:00Z', endsAt: '2026-12-17T02:30:00Z' };
    expect((await move(sessionId, nextWeek)).statusCode).toBe(200);
    // Not yet the day before the new time: nothing new.
    await remindSessions(center.t.deps);
    expect(await reminders()).toHaveLength(1);

    center.t.clock.set(new Date('2026-12-16T02:00:00Z'));
    await Promise.all([remindSessions(center.t.deps), remindSessions(center.t.deps)]);
    await remindSessions(center.t.deps);
    const told = await reminders();
    expect(told).toHaveLength(2);
    expect(told.map((n) => (n.params as { startsAt: string }).startsAt)).toEqual(['2026-12-10 09:30', '2026-12-17 09:30']);
  });

  it('refuses a time in the past at its field, a session already started, and an end before the start, changing nothing', async () => {
    const { sessionId } = await session(3);
    const past = await move(sessionId, { startsAt: '2026-11-28T01:00:00Z', endsAt: '2026-11-28T02:00:00Z' });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details).toEqual([{ path: 'body.startsAt', message: '开始时间不能早于现在' }]);
    const backwards = await move(sessionId, { startsAt: MOVED.endsAt, endsAt: MOVED.startsAt });
    expect(backwards.statusCode).toBe(400);
    center.t.clock.set(new Date('2026-12-10T01:45:00Z'));
    const started = await move(sessionId, MOVED);
    expect(started.statusCode).toBe(409);
    expect(started.json().error.message).toBe('该课次已开始或已结束，不能再预约或更改');
    const row = await center.t.deps.db
      .selectFrom('course_sessions')
      .select('starts_at')
      .where('id', '=', sessionId)
      .executeTakeFirstOrThrow();
    expect(new Date(row.starts_at).toISOString()).toBe('2026-12-10T01:30:00.000Z');
  });

  it('role matrix: the center’s staff, city officials and the admin move sessions', async () => {
    const { sessionId } = await session(3);
    await expectRoleMatrix(
      center.t,
      center.world,
      { method: 'PUT', url: `/api/v1/sessions/${sessionId}/time`, payload: MOVED },
      { anonymous: 401, parent: 403, institution_admin: 200, caregiver: 200, district_official: 403, city_official: 200, admin: 200 },
    );
  });
});
