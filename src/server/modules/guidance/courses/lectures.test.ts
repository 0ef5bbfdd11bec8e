import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { useCourseCenter } from '../../../../../test/harness/factories/courses.ts';
import { expectRoleMatrix } from '../../../../../test/harness/roles.ts';

const LIVE_URL = 'https://live.bilibili.com/778899';
const lecture = (delivery: 'live' | 'recorded', onlineUrl: string, durationMinutes?: number) => ({
  kind: 'expert_lecture',
  title: delivery === 'live' ? '直播讲座' : '回放讲座',
  audience: 'parent',
  ageBand: null,
  delivery,
  venue: null,
  onlineUrl,
  ...(durationMinutes ? { durationMinutes } : {}),
});

describe.each(DIALECTS)('online lecture attendance on %s', (dialect) => {
  const center = useCourseCenter(dialect);
  const { parent } = center;
  const post = (url: string, cookie: string, payload: object = {}) =>
    center.t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  const get = (url: string, cookie: string) => center.t.app.inject({ url, headers: { cookie } });
  const course = (body: Record<string, unknown>, seats = 10) => center.session(seats, body);
  const book = async (sessionId: string, cookie: string) =>
    (await post(`/api/v1/sessions/${sessionId}/bookings`, cookie)).json().id as string;
  const row = (id: string) =>
    center.t.deps.db.selectFrom('course_bookings').select(['opened_at', 'finished_at']).where('id', '=', id).executeTakeFirstOrThrow();
  const audits = (id: string) =>
    center.t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', id)
      .where('action', 'like', 'course_booking.%')
      .execute();
  const at = (iso: string) => center.t.clock.set(new Date(iso));

  it('hands a live link only to a confirmed booker from the start, records the first opening and presence at the end', async () => {
    const { sessionId, courseId } = await course(lecture('live', LIVE_URL), 1);
    const [p1, p2, stranger] = [await parent(), await parent(), await parent()];
    const mine = await book(sessionId, p1.cookie);
    const waiting = await book(sessionId, p2.cookie);

    // Nobody sees the link before the start: not the catalogue, not the booker's list, not the open route.
    expect((await get(`/api/v1/courses/${courseId}`, p1.cookie)).body).not.toContain('778899');
    expect((await get('/api/v1/bookings', p1.cookie)).body).not.toContain('778899');
    at('2026-12-10T01:29:59Z');
    const early = await post(`/api/v1/bookings/${mine}/open`, p1.cookie);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({ code: 'LECTURE_NOT_STARTED', message: '讲座于2026-12-10 09:30开始，开始后才能进入' });
    expect(await row(mine)).toEqual({ opened_at: null, finished_at: null });

    at('2026-12-10T01:35:00Z');
    // Someone else's booking is not found, and a place on the waitlist opens nothing.
    const foreign = await post(`/api/v1/bookings/${mine}/open`, stranger.cookie);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.body).not.toContain('778899');
    expect((await post(`/api/v1/bookings/${waiting}/open`, p2.cookie)).json().error.code).toBe('LECTURE_SEAT_NOT_CONFIRMED');
    expect(await row(mine)).toEqual({ opened_at: null, finished_at: null });

    const opened = await post(`/api/v1/bookings/${mine}/open`, p1.cookie);
    expect(opened.statusCode).toBe(200);
    expect(opened.json()).toMatchObject({
      url: LIVE_URL,
      player: 'live',
      openedAt: '2026-12-10T01:35:00.000Z',
      finishedAt: null,
      finishFrom: '2026-12-10T02:20:00.000Z',
      finishUntil: '2026-12-10T03:00:00.000Z',
    });
    at('2026-12-10T01:50:00Z');
    expect((await post(`/api/v1/bookings/${mine}/open`, p1.cookie)).json().openedAt).toBe('2026-12-10T01:35:00.000Z');
    const tooEarly = await post(`/api/v1/bookings/${mine}/finish`, p1.cookie);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.message).toBe('2026-12-10 10:20之后才能确认看完');

    at('2026-12-10T02:40:00Z');
    const finished = await post(`/api/v1/bookings/${mine}/finish`, p1.cookie);
    expect(finished.json()).toMatchObject({ finishedAt: '2026-12-10T02:40:00.000Z' });
    at('2026-12-10T02:45:00Z');
    expect((await post(`/api/v1/bookings/${mine}/finish`, p1.cookie)).json().finishedAt).toBe('2026-12-10T02:40:00.000Z');
    expect((await audits(mine)).map((a) => a.action).sort()).toEqual([
      'course_booking.book',
      'course_booking.finish',
      'course_booking.open',
    ]);
    // After the end the link is closed.
    const over = await post(`/api/v1/bookings/${waiting}/open`, p2.cookie);
    expect(over.json().error.code).toBe('LECTURE_SEAT_NOT_CONFIRMED');
    const listed = (await get('/api/v1/bookings', p1.cookie)).json().items[0];
    expect(listed.lecture).toMatchObject({ player: 'live', openedAt: '2026-12-10T01:35:00.000Z', finishedAt: '2026-12-10T02:40:00.000Z' });
    expect(JSON.stringify(listed)).not.toContain('778899');
  });

  it('closes a live lecture at its end and presence half an hour after it', async () => {
    const { sessionId } = await course(lecture('live', LIVE_URL));
    const [early, late] = [await parent(), await parent()];
    const [a, b] = [await book(sessionId, early.cookie), await book(sessionId, late.cookie)];
    at('2026-12-10T02:00:00Z');
    await post(`/api/v1/bookings/${a}/open`, early.cookie);
    at('2026-12-10T02:30:00Z');
    expect((await post(`/api/v1/bookings/${b}/open`, late.cookie)).json().error.code).toBe('LECTURE_OVER');
    expect((await post(`/api/v1/bookings/${b}/finish`, late.cookie)).json().error.code).toBe('LECTURE_NOT_OPENED');
    at('2026-12-10T03:00:01Z');
    expect((await post(`/api/v1/bookings/${a}/finish`, early.cookie)).json().error.code).toBe('LECTURE_FINISH_CLOSED');
    expect(await row(a)).toMatchObject({ finished_at: null });
    expect(await row(b)).toEqual({ opened_at: null, finished_at: null });
  });

  it('counts a recording finished when its video ends, or after its length for another site’s player', async () => {
    const video = await course(lecture('recorded', 'https://v.qq.com/lectures/fever.mp4', 30));
    const embed = await course(lecture('recorded', 'https://player.bilibili.com/player.html?bvid=BV1', 45));
    const venue = await course({ kind: 'parent_class', title: '家长课堂', audience: 'parent', ageBand: null });
    const p = await parent();
    // A recording takes bookings while it can be watched, after its window has opened.
    at('2026-12-10T01:40:00Z');
    const [v, e] = [await book(video.sessionId, p.cookie), await book(embed.sessionId, p.cookie)];
    at('2026-11-29T02:00:00Z');
    const atVenue = await book(venue.sessionId, p.cookie);
    at('2026-12-10T01:40:00Z');
    expect((await post(`/api/v1/bookings/${atVenue}/open`, p.cookie)).json().error.code).toBe('LECTURE_NOT_ONLINE');
    expect((await post(`/api/v1/bookings/${v}/open`, p.cookie)).json()).toMatchObject({
      player: 'video',
      url: 'https://v.qq.com/lectures/fever.mp4',
    });
    expect((await post(`/api/v1/bookings/${e}/open`, p.cookie)).json()).toMatchObject({
      player: 'embed',
      finishFrom: '2026-12-10T02:25:00.000Z',
      finishUntil: null,
    });
    at('2026-12-10T01:45:00Z');
    expect((await post(`/api/v1/bookings/${v}/finish`, p.cookie)).statusCode).toBe(200);
    expect((await post(`/api/v1/bookings/${e}/finish`, p.cookie)).json().error.code).toBe('LECTURE_FINISH_TOO_EARLY');
    at('2026-12-10T02:25:00Z');
    expect((await post(`/api/v1/bookings/${e}/finish`, p.cookie)).json().finishedAt).toBe('2026-12-10T02:25:00.000Z');

    // The center sees, per session and for the course: seats booked, opened, finished and the share finished.
    const other = await parent();
    at('2026-12-10T02:26:00Z');
    const second = await book(embed.sessionId, other.cookie);
    await post(`/api/v1/bookings/${second}/open`, other.cookie);
    await book(embed.sessionId, (await parent()).cookie);
    const stats = (await get(`/api/v1/courses/${embed.courseId}/ratings`, center.staff)).json();
    expect(stats).toMatchObject({ booked: 3, opened: 2, finished: 1, finishedShare: 33 });
    expect(stats.sessions).toMatchObject([{ booked: 3, opened: 2, finished: 1, finishedShare: 33 }]);
  });

  it('lets only the booker open and finish', async () => {
    const fake = '00000000-0000-4000-8000-000000000000';
    const parentOnly = {
      anonymous: 401,
      parent: 404,
      institution_admin: 403,
      caregiver: 403,
      district_official: 403,
      city_official: 403,
      admin: 403,
    };
    for (const action of ['open', 'finish'])
      await expectRoleMatrix(
        center.t,
        center.world,
        { method: 'POST', url: `/api/v1/bookings/${fake}/${action}`, payload: {} },
        parentOnly,
      );
    expect((await post('/api/v1/bookings/not-an-id/open', center.world.actors.parent.cookie as string)).statusCode).toBe(400);
  });
});
