import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createCourseWithSession, createParentWithChild, setGuidanceCenter } from '../../../../../test/harness/factories/courses.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { remindSessions } from './reminders.ts';
import { expireSeatOffers } from './waitlist.ts';

const SESSION = { startsAt: '2026-12-10T01:30:00Z', endsAt: '2026-12-10T02:30:00Z' };
const EIGHTEEN_MONTHS = '2025-06-01';

describe.each(DIALECTS)('guidance center courses on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let staff: string;
  let city: string;

  beforeAll(async () => {
    // Tests move the clock by days: sessions must outlive that.
    t = await buildTestApp(dialect, { sessionTtlHours: 24 * 60, sessionMaxDays: 90 });
    world = await createRoleWorld(t);
    await setGuidanceCenter(t.deps.db, world.institutionId);
    staff = world.actors.caregiver.cookie as string;
    city = world.actors.city_official.cookie as string;
  });
  afterAll(() => t.close());
  beforeEach(() => t.clock.set(new Date('2026-11-29T02:00:00Z')));

  const post = (url: string, cookie: string, payload: object = {}) => t.app.inject({ method: 'POST', url, payload, headers: { cookie } });
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const session = (seats: number, course: Record<string, unknown> = {}) =>
    createCourseWithSession((r) => t.app.inject(r), staff, { ...SESSION, seats }, course);
  const parentWithChild = (birthDate = EIGHTEEN_MONTHS) =>
    createParentWithChild(t.app, t.deps.db, birthDate, world.townshipCodes[0] as string);
  const bookingsOf = (sessionId: string) =>
    t.deps.db
      .selectFrom('course_bookings')
      .select(['id', 'status', 'booker_id'])
      .where('session_id', '=', sessionId)
      .orderBy('queue_no')
      .execute();
  const kindsFor = async (userId: string) =>
    (await t.deps.db.selectFrom('notifications').select('kind').where('user_id', '=', userId).orderBy('created_at').execute()).map(
      (n) => n.kind,
    );

  it('the center’s staff and city officials create courses; everyone may read the catalogue', async () => {
    const course = {
      kind: 'parent_class',
      title: '家长课堂',
      audience: 'parent',
      delivery: 'venue',
      venue: '活动室',
    };
    const creators = {
      anonymous: 401,
      parent: 403,
      institution_admin: 201,
      caregiver: 201,
      district_official: 403,
      city_official: 201,
      admin: 201,
    };
    await expectRoleMatrix(t, world, { method: 'POST', url: '/api/v1/courses', payload: course }, creators);
    const { courseId, sessionId } = await session(5);
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/courses/${courseId}/sessions`, payload: { ...SESSION, seats: 3 } },
      creators,
    );
    const readers = {
      ...creators,
      parent: 200,
      anonymous: 200,
      district_official: 200,
      institution_admin: 200,
      caregiver: 200,
      city_official: 200,
      admin: 200,
    };
    await expectRoleMatrix(t, world, { url: '/api/v1/courses' }, readers);
    await expectRoleMatrix(t, world, { url: `/api/v1/courses/${courseId}` }, readers);
    const staffOnly = { ...creators, institution_admin: 200, caregiver: 200, city_official: 200, admin: 200 };
    await expectRoleMatrix(t, world, { url: `/api/v1/sessions/${sessionId}/bookings` }, staffOnly);
    await expectRoleMatrix(t, world, { url: `/api/v1/courses/${courseId}/ratings` }, staffOnly);
    await expectRoleMatrix(t, world, { method: 'PUT', url: `/api/v1/sessions/${sessionId}/seats`, payload: { seats: 6 } }, staffOnly);
    const parentOnly = {
      anonymous: 401,
      parent: 200,
      institution_admin: 403,
      caregiver: 403,
      district_official: 403,
      city_official: 403,
      admin: 403,
    };
    await expectRoleMatrix(t, world, { url: '/api/v1/bookings' }, parentOnly);
    // A parent books; staff check in; the parent rates; other roles are refused before anything happens.
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/sessions/${sessionId}/bookings`, payload: {} },
      { ...parentOnly, parent: 400 },
    );
    const fake = '00000000-0000-4000-8000-000000000000';
    for (const action of ['cancel', 'confirm', 'feedback'])
      await expectRoleMatrix(
        t,
        world,
        { method: 'POST', url: `/api/v1/bookings/${fake}/${action}`, payload: action === 'feedback' ? { rating: 5 } : {} },
        { ...parentOnly, parent: 404 },
      );
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/bookings/${fake}/check-in`, payload: { code: '123456' } },
      { ...staffOnly, institution_admin: 404, caregiver: 404, city_official: 404, admin: 404 },
    );
  });

  it('staff of another institution are not the center’s staff', async () => {
    const other = await createInstitution(t.deps.db, world.townshipCodes[0] as string, '别的托育园');
    const director = await createUser(t.deps.db, { role: 'institution_admin', institutionId: other.id });
    const cookie = await signIn(t.app, director.phone);
    const res = await post('/api/v1/courses', cookie, {
      kind: 'parent_class',
      title: 'x',
      audience: 'parent',
      delivery: 'venue',
      venue: 'y',
    });
    expect(res.statusCode).toBe(403);
    const { sessionId } = await session(2);
    expect((await get(`/api/v1/sessions/${sessionId}/bookings`, cookie)).statusCode).toBe(403);
  });

  it('refuses a course that does not hold together, each at its field, and an online link off the allowed hosts', async () => {
    const res = await post('/api/v1/courses', city, { kind: 'center_class', title: '爬爬班', audience: 'child', delivery: 'venue' });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .error.details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['body.ageBand', 'body.venue']);
    const link = await post('/api/v1/courses', city, {
      kind: 'expert_lecture',
      title: '讲座',
      audience: 'parent',
      delivery: 'recorded',
      onlineUrl: 'https://spam.example.com/video',
      durationMinutes: 30,
    });
    expect(link.statusCode).toBe(400);
    expect(link.json().error.details).toEqual([{ path: 'body.onlineUrl', message: '链接须为 https，且在允许的视频平台之内' }]);
    const noLength = await post('/api/v1/courses', city, {
      kind: 'expert_lecture',
      title: '讲座',
      audience: 'parent',
      delivery: 'recorded',
      onlineUrl: 'https://player.bilibili.com/player.html?bvid=2',
    });
    expect(noLength.statusCode).toBe(400);
    expect(noLength.json().error.details).toEqual([{ path: 'body.durationMinutes', message: '回放课程请填写时长（分钟）' }]);
    const { courseId } = await session(2);
    const past = await post(`/api/v1/courses/${courseId}/sessions`, staff, {
      startsAt: '2026-11-01T01:00:00Z',
      endsAt: '2026-11-01T02:00:00Z',
      seats: 3,
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.details[0].path).toBe('body.startsAt');
    expect((await get(`/api/v1/courses/${courseId}`)).json().sessions).toHaveLength(1);
  });

  it('lists courses by audience and a child’s age, with sessions in the dates asked', async () => {
    const { courseId } = await session(4, { title: '跳跳班', ageBand: { fromMonths: 24, toMonths: 36 } });
    const recorded = await createCourseWithSession(
      (r) => t.app.inject(r),
      staff,
      { ...SESSION, seats: 100 },
      {
        kind: 'expert_lecture',
        title: '回放讲座',
        audience: 'parent',
        ageBand: null,
        delivery: 'recorded',
        venue: null,
        onlineUrl: 'https://player.bilibili.com/player.html?bvid=1',
        durationMinutes: 40,
      },
    );
    const titles = async (query: string) => (await get(`/api/v1/courses?${query}`)).json().items.map((c: { id: string }) => c.id);
    expect(await titles('ageMonths=30')).toContain(courseId);
    expect(await titles('ageMonths=18')).not.toContain(courseId);
    expect(await titles('ageMonths=18')).toContain(recorded.courseId);
    expect(await titles('audience=child')).not.toContain(recorded.courseId);
    expect(await titles('from=2026-12-11')).not.toContain(courseId);
    expect(await titles('from=2026-12-10&to=2026-12-10')).toContain(courseId);
    const bad = await get('/api/v1/courses?ageMonths=abc&from=2026-13-01');
    expect(bad.statusCode).toBe(400);
    const detail = (await get(`/api/v1/courses/${recorded.courseId}`)).json();
    // The recording's address goes out only to a booker who opens it: that is what the center counts.
    expect(detail).toMatchObject({ durationMinutes: 40, sessions: [{ seats: 100, seatsLeft: 100, waiting: 0 }] });
    expect(JSON.stringify(detail)).not.toContain('bilibili');
  });

  it('books seats until full, then the waitlist in order; a cancellation offers the seat to the first waiting, who confirms', async () => {
    const { courseId, sessionId } = await session(2);
    const parents = [];
    for (let i = 0; i < 4; i++) parents.push(await parentWithChild());
    const results = [];
    for (const p of parents) results.push(await post(`/api/v1/sessions/${sessionId}/bookings`, p.cookie, { childId: p.childId }));
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    expect(results.map((r) => r.json())).toMatchObject([
      { status: 'confirmed' },
      { status: 'confirmed' },
      { status: 'waitlisted', position: 1 },
      { status: 'waitlisted', position: 2 },
    ]);
    expect((await get(`/api/v1/courses/${courseId}`)).json().sessions[0]).toMatchObject({ seatsLeft: 0, waiting: 2 });
    const [p1, , p3, p4] = parents as [(typeof parents)[0], unknown, (typeof parents)[0], (typeof parents)[0]];
    expect(await kindsFor(p3.userId)).toEqual(['courses.booking_waitlisted']);
    // The same child again: refused.
    expect((await post(`/api/v1/sessions/${sessionId}/bookings`, p1.cookie, { childId: p1.childId })).json().error.code).toBe(
      'ALREADY_BOOKED',
    );

    const first = results[0]?.json().id as string;
    expect((await post(`/api/v1/bookings/${first}/cancel`, p1.cookie)).statusCode).toBe(204);
    const after = await bookingsOf(sessionId);
    expect(after.map((b) => b.status)).toEqual(['cancelled', 'confirmed', 'offered', 'waitlisted']);
    expect(await kindsFor(p3.userId)).toEqual(['courses.booking_waitlisted', 'courses.seat_offered']);
    expect(await kindsFor(p4.userId)).toEqual(['courses.booking_waitlisted']);
    // A newcomer does not take the offered seat.
    const late = await parentWithChild();
    expect((await post(`/api/v1/sessions/${sessionId}/bookings`, late.cookie, { childId: late.childId })).json()).toMatchObject({
      status: 'waitlisted',
      position: 2,
    });

    const mine = (await get('/api/v1/bookings', p3.cookie)).json().items[0];
    expect(mine).toMatchObject({ status: 'offered', checkInCode: null, canCancel: true });
    expect(new Date(mine.offerExpiresAt).getTime() - t.clock.now().getTime()).toBe(48 * 3_600_000);
    // Someone else's booking is not found; confirming twice is refused with the allowed actions.
    expect((await post(`/api/v1/bookings/${mine.id}/confirm`, p4.cookie)).statusCode).toBe(404);
    expect((await post(`/api/v1/bookings/${mine.id}/confirm`, p3.cookie)).statusCode).toBe(204);
    const again = await post(`/api/v1/bookings/${mine.id}/confirm`, p3.cookie);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.allowed).toEqual(['cancel']);
    expect((await get('/api/v1/bookings', p3.cookie)).json().items[0]).toMatchObject({
      status: 'confirmed',
      checkInCode: expect.stringMatching(/^\d{6}$/),
    });
    expect(await kindsFor(p3.userId)).toContain('courses.booking_confirmed');
    const audit = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', mine.id).execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['course_booking.book', 'course_booking.confirm', 'course_booking.offer']);
  });

  it('an offer not confirmed in time passes to the next waiting booker; added seats are offered in order', async () => {
    const { sessionId } = await session(1);
    const ps = [];
    for (let i = 0; i < 4; i++) ps.push(await parentWithChild());
    for (const p of ps) await post(`/api/v1/sessions/${sessionId}/bookings`, p.cookie, { childId: p.childId });
    const [first] = await bookingsOf(sessionId);
    await post(`/api/v1/bookings/${first?.id}/cancel`, ps[0]?.cookie as string);
    expect((await bookingsOf(sessionId)).map((b) => b.status)).toEqual(['cancelled', 'offered', 'waitlisted', 'waitlisted']);

    t.clock.advanceMinutes(48 * 60 - 1);
    expect(await expireSeatOffers(t.deps)).toBe(0);
    t.clock.advanceMinutes(2);
    const [offered] = (await bookingsOf(sessionId)).filter((b) => b.status === 'offered');
    // Too late to confirm, even before the job has run.
    expect((await post(`/api/v1/bookings/${offered?.id}/confirm`, ps[1]?.cookie as string)).json().error.code).toBe('SEAT_OFFER_EXPIRED');
    const [a, b] = await Promise.all([expireSeatOffers(t.deps), expireSeatOffers(t.deps)]);
    expect(a + b).toBe(1);
    expect((await bookingsOf(sessionId)).map((x) => x.status)).toEqual(['cancelled', 'expired', 'offered', 'waitlisted']);

    const seats = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sessions/${sessionId}/seats`,
      payload: { seats: 3 },
      headers: { cookie: staff },
    });
    expect(seats.json()).toMatchObject({ seats: 3, seatsLeft: 1, waiting: 0 });
    expect((await bookingsOf(sessionId)).map((x) => x.status)).toEqual(['cancelled', 'expired', 'offered', 'offered']);
    const fewer = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/sessions/${sessionId}/seats`,
      payload: { seats: 1 },
      headers: { cookie: staff },
    });
    expect(fewer.json().error.details[0]).toEqual({ path: 'body.seats', message: '名额不能少于已确认和待确认的预约数' });
  });

  it('refuses a child of another parent, a child of the wrong age and a session already started, and changes nothing', async () => {
    const { sessionId } = await session(3);
    const me = await parentWithChild();
    const other = await parentWithChild();
    const young = await parentWithChild('2026-01-15');
    const old = await parentWithChild('2024-11-01');

    const notMine = await post(`/api/v1/sessions/${sessionId}/bookings`, me.cookie, { childId: other.childId });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().error.details).toEqual([{ path: 'body.childId', message: '只能为自己的孩子预约' }]);
    const tooYoung = await post(`/api/v1/sessions/${sessionId}/bookings`, young.cookie, { childId: young.childId });
    expect(tooYoung.statusCode).toBe(422);
    expect(tooYoung.json().error.message).toMatch(/在2026-12-10为10个月，本课程面向12至24个月的幼儿/);
    const tooOld = await t.app.inject({
      method: 'POST',
      url: `/api/v1/sessions/${sessionId}/bookings`,
      payload: { childId: old.childId },
      headers: { cookie: old.cookie, 'accept-language': 'en' },
    });
    expect(tooOld.json().error.message).toMatch(/is 25 months old on 2026-12-10; this course is for children of 12 to 24 months/);
    expect((await post(`/api/v1/sessions/${sessionId}/bookings`, me.cookie, {})).json().error.details[0].path).toBe('body.childId');
    expect((await post(`/api/v1/sessions/${sessionId}/bookings`, me.cookie, { childId: 'nope' })).statusCode).toBe(400);

    t.clock.set(new Date('2026-12-10T01:30:00Z'));
    const started = await post(`/api/v1/sessions/${sessionId}/bookings`, me.cookie, { childId: me.childId });
    expect(started.json().error.code).toBe('SESSION_STARTED');
    t.clock.set(new Date('2026-11-29T02:00:00Z'));
    expect(await bookingsOf(sessionId)).toEqual([]);
    expect(await kindsFor(me.userId)).toEqual([]);
  });

  it('parent classes are booked by the parent themselves', async () => {
    const { sessionId } = await session(5, { kind: 'parent_class', title: '家长课堂', audience: 'parent', ageBand: null });
    const p = await parentWithChild();
    const withChild = await post(`/api/v1/sessions/${sessionId}/bookings`, p.cookie, { childId: p.childId });
    expect(withChild.json().error.details[0]).toEqual({ path: 'body.childId', message: '家长课堂由家长本人预约，无需选择孩子' });
    expect((await post(`/api/v1/sessions/${sessionId}/bookings`, p.cookie, {})).json()).toMatchObject({ status: 'confirmed' });
    expect((await post(`/api/v1/sessions/${sessionId}/bookings`, p.cookie, {})).json().error.code).toBe('ALREADY_BOOKED');
  });

  it('closes cancelling a day before; staff check in by code; the parent rates after the session; staff see the ratings', async () => {
    const { courseId, sessionId } = await session(3);
    const p = await parentWithChild();
    const booking = (await post(`/api/v1/sessions/${sessionId}/bookings`, p.cookie, { childId: p.childId })).json();
    const { checkInCode } = (await get('/api/v1/bookings', p.cookie)).json().items[0];
    expect((await post(`/api/v1/bookings/${booking.id}/feedback`, p.cookie, { rating: 5 })).json().error.code).toBe('FEEDBACK_NOT_OPEN');

    t.clock.set(new Date('2026-12-09T02:00:00Z'));
    expect((await get('/api/v1/bookings', p.cookie)).json().items[0].canCancel).toBe(false);
    const late = await post(`/api/v1/bookings/${booking.id}/cancel`, p.cookie);
    expect(late.json().error).toMatchObject({ code: 'CANCEL_CLOSED', message: '课次开始前24小时内不能取消预约' });

    const wrong = await post(`/api/v1/bookings/${booking.id}/check-in`, staff, { code: checkInCode === '000000' ? '111111' : '000000' });
    expect(wrong.json().error.details).toEqual([{ path: 'body.code', message: '签到码与该预约不符' }]);
    const checked = await post(`/api/v1/bookings/${booking.id}/check-in`, staff, { code: checkInCode });
    expect(checked.statusCode).toBe(200);
    expect((await post(`/api/v1/bookings/${booking.id}/check-in`, staff, { code: checkInCode })).json().error.code).toBe(
      'ALREADY_CHECKED_IN',
    );
    const roster = (await get(`/api/v1/sessions/${sessionId}/bookings`, staff)).json();
    expect(roster.items).toMatchObject([
      { id: booking.id, status: 'confirmed', checkedInAt: expect.any(String), childName: expect.stringMatching(/^预约/) },
    ]);
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'child.read')
      .where('entity_id', '=', p.childId)
      .execute();
    expect(reads.map((r) => (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail).via)).toContain('course_roster');

    t.clock.set(new Date('2026-12-10T03:00:00Z'));
    expect((await post(`/api/v1/bookings/${booking.id}/feedback`, p.cookie, { rating: 6 })).json().error.details[0].path).toBe(
      'body.rating',
    );
    expect((await post(`/api/v1/bookings/${booking.id}/feedback`, p.cookie, { rating: 4, comment: '很好' })).statusCode).toBe(204);
    expect((await post(`/api/v1/bookings/${booking.id}/feedback`, p.cookie, { rating: 1 })).json().error.code).toBe('FEEDBACK_NOT_OPEN');
    const ratings = (await get(`/api/v1/courses/${courseId}/ratings`, staff)).json();
    expect(ratings).toMatchObject({
      average: 4,
      count: 1,
      // The session's own end, so the card shows 09:30–10:30 rather than the start twice.
      sessions: [
        {
          id: sessionId,
          startsAt: '2026-12-10T01:30:00.000Z',
          endsAt: '2026-12-10T02:30:00.000Z',
          average: 4,
          count: 1,
          comments: [{ rating: 4, comment: '很好' }],
        },
      ],
    });
  });

  it('reminds confirmed bookers the day before, once, and never of a session already started', async () => {
    const soon = await session(2);
    const p = await parentWithChild();
    const waiting = await parentWithChild();
    await post(`/api/v1/sessions/${soon.sessionId}/bookings`, p.cookie, { childId: p.childId });
    t.clock.set(new Date('2026-12-09T02:00:00Z'));
    await remindSessions(t.deps);
    await remindSessions(t.deps);
    expect((await kindsFor(p.userId)).filter((k) => k === 'courses.session_reminder')).toHaveLength(1);
    expect(await kindsFor(waiting.userId)).toEqual([]);

    const q = await parentWithChild();
    t.clock.set(new Date('2026-11-29T02:00:00Z'));
    const other = await session(2);
    await post(`/api/v1/sessions/${other.sessionId}/bookings`, q.cookie, { childId: q.childId });
    t.clock.set(new Date('2026-12-10T01:31:00Z'));
    await remindSessions(t.deps);
    expect(await kindsFor(q.userId)).not.toContain('courses.session_reminder');
  });
});
