import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createFiledInstitution, fileWithClasses, fillClass } from '../../../../../test/harness/factories/placement.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { buildApp } from '../../../app.ts';
import { openPostgres } from '../../../db/connect.ts';

// The test clock stands at 2026-11-29 10:00 Asia/Shanghai.
const IN_A_WEEK = '2026-12-06T10:00:00+08:00';

describe.each(DIALECTS)('applications and places on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let director: string;
  let institutionId: string;
  let classes: string[];

  async function newFamily(birthDate = '2024-05-10') {
    const user = await createUser(t.deps.db, { role: 'parent' });
    const cookie = await signIn(t.app, user.phone);
    const child = await t.app.inject({
      method: 'POST',
      url: '/api/v1/children',
      headers: { cookie },
      payload: {
        name: '测试宝宝',
        sex: 'female',
        birthDate,
        residenceDivisionCode: world.townshipCodes[1],
        relation: 'mother',
        consent: true,
      },
    });
    expect(child.statusCode).toBe(201);
    return { cookie, childId: child.json().id as string, userId: user.id };
  }
  const apply = (cookie: string, payload: object) =>
    t.app.inject({ method: 'POST', url: '/api/v1/applications', headers: { cookie }, payload });
  const act = (cookie: string, id: string, action: string, payload: object = {}, app: FastifyInstance = t.app) =>
    app.inject({ method: 'POST', url: `/api/v1/applications/${id}/${action}`, headers: { cookie }, payload });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    director = world.actors.institution_admin.cookie as string;
    // The role world's institution becomes a filed one with classes.
    institutionId = world.institutionId;
    ({ classIds: classes } = await fileWithClasses(t.deps.db, institutionId, world.townshipCodes[0] as string, [
      { classType: 'toddler', capacity: 15, caregivers: 3, name: '走走班' },
      { classType: 'older_toddler', capacity: 20, caregivers: 3, name: '跳跳班' },
      { classType: 'infant', capacity: 10, caregivers: 1, name: '爬爬班' },
    ]));
  });
  afterAll(() => t.close());

  it('takes an application for a child and shows it to the guardian and on the institution’s board', async () => {
    const family = await newFamily();
    const res = await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' });
    expect(res.statusCode).toBe(201);
    expect(res.json().choices).toEqual([expect.objectContaining({ institutionId, rank: 1, status: 'new', allowedActions: ['withdraw'] })]);
    const board = (await t.app.inject({ url: `/api/v1/institutions/${institutionId}/applications`, headers: { cookie: director } })).json()
      .items;
    expect(board).toContainEqual(
      expect.objectContaining({
        applicationId: res.json().id,
        childName: '测试宝宝',
        classTypes: ['older_toddler', 'mixed'],
        allowedActions: ['waitlist', 'offer', 'decline'],
      }),
    );
  });

  it.each([
    ['a start date in the past', { startDate: '2026-11-01' }, 'body.startDate', '入托日期不能早于今天'],
    ['a start date after the child turns 3', { startDate: '2027-06-01' }, 'body.startDate', '入托日期时幼儿已满3岁'],
  ])('rejects %s', async (_n, overrides, path, message) => {
    const family = await newFamily('2024-05-10');
    const res = await apply(family.cookie, {
      childId: family.childId,
      institutionIds: [institutionId],
      ...overrides,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path, message }]);
  });

  it('rejects a child too young for any class, an unfiled institution, a duplicate choice, and another family’s child', async () => {
    const baby = await newFamily('2026-10-01');
    expect(
      (await apply(baby.cookie, { childId: baby.childId, institutionIds: [institutionId], startDate: '2026-12-01' })).json().error
        .details[0].path,
    ).toBe('body.startDate');
    const family = await newFamily();
    const draft = await t.deps.db
      .insertInto('institutions')
      .values({ name: '未备案', division_code: world.townshipCodes[0] as string })
      .returning('id')
      .executeTakeFirstOrThrow();
    expect((await apply(family.cookie, { childId: family.childId, institutionIds: [draft.id], startDate: '2027-01-04' })).statusCode).toBe(
      400,
    );
    expect(
      (await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId, institutionId], startDate: '2027-01-04' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await apply(baby.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' })).statusCode,
    ).toBe(404);
    const count = await t.deps.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('child_id', '=', family.childId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('orders the waitlist by stated priority, then time, and shows the guardian their position', async () => {
    const first = await newFamily();
    const second = await newFamily();
    const a = (await apply(first.cookie, { childId: first.childId, institutionIds: [institutionId], startDate: '2027-01-04' })).json();
    const b = (
      await apply(second.cookie, {
        childId: second.childId,
        institutionIds: [institutionId],
        startDate: '2027-01-04',
        siblingAttends: true,
      })
    ).json();
    expect((await act(director, a.id, 'waitlist')).statusCode).toBe(204);
    expect((await act(director, b.id, 'waitlist')).statusCode).toBe(204);
    const mine = (await t.app.inject({ url: '/api/v1/applications', headers: { cookie: first.cookie } })).json().items[0];
    const theirs = (await t.app.inject({ url: '/api/v1/applications', headers: { cookie: second.cookie } })).json().items[0];
    expect(theirs.choices[0].waitlistPosition).toBeLessThan(mine.choices[0].waitlistPosition);
    const again = await act(director, a.id, 'waitlist');
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'APPLICATION_ACTION_NOT_ALLOWED', details: { allowed: ['offer', 'decline'] } });
  });

  it('offers a fitting class, and the guardian accepts into a place', async () => {
    const family = await newFamily();
    const application = (
      await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' })
    ).json();
    const wrongType = await act(director, application.id, 'offer', { classId: classes[0], expiresAt: IN_A_WEEK });
    expect(wrongType.json().error.details).toEqual([{ path: 'body.classId', message: '班级类型与幼儿在入托日期的月龄不符' }]);
    expect((await act(director, application.id, 'offer', { classId: classes[1], expiresAt: '2026-11-28T10:00:00+08:00' })).statusCode).toBe(
      400,
    );
    expect((await act(director, application.id, 'offer', { classId: classes[1], expiresAt: IN_A_WEEK })).statusCode).toBe(204);
    const offered = (await t.app.inject({ url: '/api/v1/applications', headers: { cookie: family.cookie } })).json().items[0].choices[0];
    expect(offered).toMatchObject({
      status: 'offered',
      offer: { classId: classes[1], className: '跳跳班' },
      allowedActions: ['accept', 'decline_offer', 'withdraw'],
    });
    const accepted = await act(family.cookie, application.id, 'accept');
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      childId: family.childId,
      classId: classes[1],
      className: '跳跳班',
      startDate: '2027-01-04',
      endDate: null,
    });
    const counts = await t.deps.db
      .selectFrom('class_enrolment_counts')
      .selectAll()
      .where('class_id', '=', classes[1] as string)
      .executeTakeFirstOrThrow();
    expect(counts.enrolled).toBe(1);
  });

  it('refuses to apply where the child already holds a place, and shows 在园 on the board without an offer', async () => {
    const family = await newFamily();
    const earlier = (
      await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' })
    ).json();
    // A place taken outside this application (an earlier one, the demo's history).
    await t.deps.db
      .insertInto('enrolments')
      .values({ child_id: family.childId, institution_id: institutionId, class_id: classes[1] as string, start_date: '2026-09-01' })
      .execute();
    const item = (await t.app.inject({ url: `/api/v1/institutions/${institutionId}/applications`, headers: { cookie: director } }))
      .json()
      .items.find((i: { applicationId: string }) => i.applicationId === earlier.id);
    expect(item).toMatchObject({ placedHere: true, allowedActions: ['waitlist', 'decline'] });
    const offer = await act(director, earlier.id, 'offer', { classId: classes[1], expiresAt: IN_A_WEEK });
    expect(offer.json().error.code).toBe('CHILD_ALREADY_ENROLLED');
    expect((await act(family.cookie, earlier.id, 'withdraw')).statusCode).toBe(204);

    const again = await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.details).toEqual([{ path: 'body.institutionIds', message: '该幼儿已在所选机构入托' }]);
  });

  it('refuses an expired offer and someone else’s offer', async () => {
    const family = await newFamily();
    const stranger = await newFamily();
    const application = (
      await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' })
    ).json();
    await act(director, application.id, 'offer', { classId: classes[1], expiresAt: '2026-11-30T10:00:00+08:00' });
    expect((await act(stranger.cookie, application.id, 'accept')).statusCode).toBe(404);
    // Time passes beyond the expiry.
    await t.deps.db
      .updateTable('application_choices')
      .set({ offer_expires_at: new Date('2026-11-29T01:00:00Z') })
      .where('application_id', '=', application.id)
      .execute();
    const late = await act(family.cookie, application.id, 'accept');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('OFFER_EXPIRED');
    const choice = await t.deps.db
      .selectFrom('application_choices')
      .select('status')
      .where('application_id', '=', application.id)
      .executeTakeFirstOrThrow();
    expect(choice.status).toBe('expired');
    const enrolments = await t.deps.db.selectFrom('enrolments').select('id').where('child_id', '=', family.childId).execute();
    expect(enrolments).toHaveLength(0);
  });

  it('moves a child between classes and ends a place', async () => {
    const family = await newFamily('2024-12-20');
    const application = (
      await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2026-12-01' })
    ).json();
    await act(director, application.id, 'offer', { classId: classes[0], expiresAt: IN_A_WEEK });
    const enrollment = (await act(family.cookie, application.id, 'accept')).json();
    const toInfant = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enrolments/${enrollment.id}/transfer`,
      headers: { cookie: director },
      payload: { classId: classes[2] },
    });
    expect(toInfant.statusCode).toBe(400);
    const ended = await t.app.inject({
      method: 'POST',
      url: `/api/v1/enrolments/${enrollment.id}/end`,
      headers: { cookie: director },
      payload: { endDate: '2026-12-31', reason: '搬家' },
    });
    expect(ended.json()).toMatchObject({ endDate: '2026-12-31' });
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/enrolments/${enrollment.id}/end`,
          headers: { cookie: director },
          payload: { endDate: '2026-12-31', reason: '再次' },
        })
      ).statusCode,
    ).toBe(404);
  });

  it('scopes the board, the waitlist priorities and offers to the institution’s director', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/institutions/${institutionId}/applications` },
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 200,
        caregiver: 403,
        district_official: 403,
        city_official: 403,
        admin: 403,
      },
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/institutions/${institutionId}/waitlist-priorities`, payload: { priorities: ['sibling'] } },
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 200,
        caregiver: 403,
        district_official: 403,
        city_official: 403,
        admin: 403,
      },
    );
    const family = await newFamily();
    const application = (
      await apply(family.cookie, { childId: family.childId, institutionIds: [institutionId], startDate: '2027-01-04' })
    ).json();
    const otherWorld = await createRoleWorld(t);
    const outsider = await act(otherWorld.actors.institution_admin.cookie as string, application.id, 'waitlist');
    expect(outsider.statusCode).toBe(404);
  });

  it('states the waitlist priorities on the board, and the waitlist follows a change at once', async () => {
    // An institution of its own, in the township the families live in, so each of them is a local resident.
    const own = await createFiledInstitution(t.deps.db, world.townshipCodes[1] as string, [], '候补规则园');
    const owner = await createUser(t.deps.db, { role: 'institution_admin', institutionId: own.institutionId });
    const ownerCookie = await signIn(t.app, owner.phone);
    const board = async () => {
      const res = await t.app.inject({ url: `/api/v1/institutions/${own.institutionId}/applications`, headers: { cookie: ownerCookie } });
      expect(res.statusCode).toBe(200);
      return res.json() as {
        statedPriorities: string[];
        items: { applicationId: string; waitlistPosition: number | null; priorities: string[] }[];
      };
    };
    const state = (cookie: string, payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/institutions/${own.institutionId}/waitlist-priorities`,
        headers: { cookie },
        payload: payload as object,
      });
    const stated = async () =>
      (
        await t.deps.db
          .selectFrom('institution_enrollment_rules')
          .select('waitlist_priorities')
          .where('institution_id', '=', own.institutionId)
          .executeTakeFirstOrThrow()
      ).waitlist_priorities;

    const early = await newFamily();
    const late = await newFamily();
    const a = (await apply(early.cookie, { childId: early.childId, institutionIds: [own.institutionId], startDate: '2027-01-04' })).json();
    const b = (
      await apply(late.cookie, {
        childId: late.childId,
        institutionIds: [own.institutionId],
        startDate: '2027-01-04',
        siblingAttends: true,
      })
    ).json();
    // The test clock stands still, so the application times are set apart by hand.
    await t.deps.db
      .updateTable('applications')
      .set({ created_at: new Date('2026-11-20T02:00:00Z') })
      .where('id', '=', a.id)
      .execute();
    await t.deps.db
      .updateTable('applications')
      .set({ created_at: new Date('2026-11-25T02:00:00Z') })
      .where('id', '=', b.id)
      .execute();
    expect((await act(ownerCookie, a.id, 'waitlist')).statusCode).toBe(204);
    expect((await act(ownerCookie, b.id, 'waitlist')).statusCode).toBe(204);
    const positions = (view: Awaited<ReturnType<typeof board>>) =>
      Object.fromEntries(view.items.map((i) => [i.applicationId === a.id ? 'early' : 'late', [i.waitlistPosition, i.priorities]]));

    // By default a sibling comes first; living in the township is not stated, so it is not shown either.
    const initial = await board();
    expect(initial.statedPriorities).toEqual(['sibling']);
    expect(positions(initial)).toEqual({ late: [1, ['sibling']], early: [2, []] });

    const none = await state(ownerCookie, { priorities: [] });
    expect(none.statusCode).toBe(200);
    expect(none.json()).toEqual({ priorities: [] });
    const byTime = await board();
    expect(byTime.statedPriorities).toEqual([]);
    expect(positions(byTime)).toEqual({ early: [1, []], late: [2, []] });
    const guardianView = (await t.app.inject({ url: '/api/v1/applications', headers: { cookie: early.cookie } })).json().items[0];
    expect(guardianView.choices[0].waitlistPosition).toBe(1);

    const both = await state(ownerCookie, { priorities: ['staff_child', 'local_resident', 'sibling'] });
    expect(both.json()).toEqual({ priorities: ['staff_child', 'local_resident', 'sibling'] });
    const residents = await board();
    expect(residents.statedPriorities).toEqual(['staff_child', 'local_resident', 'sibling']);
    // Both live in the township, the stated priority that ranks them; then the time of application.
    expect(positions(residents)).toEqual({ early: [1, ['local_resident']], late: [2, ['local_resident', 'sibling']] });

    expect((await state(ownerCookie, { priorities: ['sibling', 'staff_child'] })).statusCode).toBe(200);
    expect(positions(await board())).toEqual({ late: [1, ['sibling']], early: [2, []] });

    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'entity_type', 'detail'])
      .where('action', '=', 'institution.waitlist_priorities')
      .where('entity_id', '=', own.institutionId)
      .orderBy('id')
      .execute();
    expect(audited).toEqual([
      { actor_id: owner.id, entity_type: 'institution', detail: { priorities: [] } },
      { actor_id: owner.id, entity_type: 'institution', detail: { priorities: ['staff_child', 'local_resident', 'sibling'] } },
      { actor_id: owner.id, entity_type: 'institution', detail: { priorities: ['sibling', 'staff_child'] } },
    ]);

    const duplicate = await state(ownerCookie, { priorities: ['sibling', 'sibling'] });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ path: 'body.priorities', message: '同一优先条件只能选择一次' }],
    });
    for (const bad of [
      { priorities: ['pets'] },
      { priorities: ['sibling', 'staff_child', 'local_resident', 'sibling'] },
      { priorities: 'sibling' },
      {},
    ]) {
      const res = await state(ownerCookie, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
    }
    expect(await stated()).toEqual(['sibling', 'staff_child']);

    // Another institution's director finds nothing there; a parent may not state priorities at all.
    expect((await state(director, { priorities: [] })).statusCode).toBe(404);
    expect((await state(early.cookie, { priorities: [] })).statusCode).toBe(403);
    expect(await stated()).toEqual(['sibling', 'staff_child']);
    const writes = await t.deps.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'institution.waitlist_priorities')
      .where('entity_id', '=', own.institutionId)
      .execute();
    expect(writes).toHaveLength(3);
  });

  async function offersIntoOneClass(count: number, placesLeft: number) {
    const cls = await createFiledInstitution(
      t.deps.db,
      world.townshipCodes[0] as string,
      [{ classType: 'older_toddler', capacity: 20, caregivers: 3 }],
      '并发测试园',
    );
    const [classId] = cls.classIds as [string];
    const filler = await createUser(t.deps.db, { role: 'parent' });
    await fillClass(t.deps.db, classId, cls.institutionId, 20 - placesLeft, '2024-05-10', filler.id, world.townshipCodes[0] as string);
    const owner = await createUser(t.deps.db, { role: 'institution_admin', institutionId: cls.institutionId });
    const ownerCookie = await signIn(t.app, owner.phone);
    const offers: { cookie: string; applicationId: string }[] = [];
    for (let i = 0; i < count; i++) {
      const family = await newFamily();
      const application = (
        await apply(family.cookie, { childId: family.childId, institutionIds: [cls.institutionId], startDate: '2027-01-04' })
      ).json();
      if (i < placesLeft) expect((await act(ownerCookie, application.id, 'offer', { classId, expiresAt: IN_A_WEEK })).statusCode).toBe(204);
      // Standing offers hold the places, so no more can be made; the rest stand as offers made
      // before a caregiver left would, and the acceptances race for the places.
      else
        await t.deps.db
          .updateTable('application_choices')
          .set({ status: 'offered', class_id: classId, offer_expires_at: new Date(IN_A_WEEK), decided_at: t.clock.now() })
          .where('application_id', '=', application.id)
          .execute();
      offers.push({ cookie: family.cookie, applicationId: application.id });
    }
    return { classId, offers };
  }

  it('never exceeds a class’s places: 50 concurrent acceptances for 10 places give exactly 10 enrollments', async () => {
    const { classId, offers } = await offersIntoOneClass(50, 10);
    const results = await Promise.all(offers.map((o) => act(o.cookie, o.applicationId, 'accept')));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(10);
    expect(codes.filter((c) => c === 409)).toHaveLength(40);
    for (const r of results.filter((r) => r.statusCode === 409))
      expect(r.json().error).toEqual({ code: 'CLASS_FULL', message: '该班级已无空余托位' });
    const counts = await t.deps.db
      .selectFrom('class_enrolment_counts')
      .selectAll()
      .where('class_id', '=', classId)
      .executeTakeFirstOrThrow();
    expect(counts.enrolled).toBe(20);
  }, 120_000);

  // Two servers only make sense on PostgreSQL; PGlite is one process by design.
  if (dialect === 'postgres')
    it('holds with two servers on one database taking the acceptances', async () => {
      const second = await openPostgres(t.database.postgres!);
      const other = await buildApp({ ...t.deps, database: second, db: second.db });
      try {
        const { classId, offers } = await offersIntoOneClass(30, 7);
        const results = await Promise.all(offers.map((o, i) => act(o.cookie, o.applicationId, 'accept', {}, i % 2 ? other : t.app)));
        expect(results.filter((r) => r.statusCode === 200)).toHaveLength(7);
        expect(results.filter((r) => r.statusCode === 409)).toHaveLength(23);
        const counts = await t.deps.db
          .selectFrom('class_enrolment_counts')
          .selectAll()
          .where('class_id', '=', classId)
          .executeTakeFirstOrThrow();
        expect(counts.enrolled).toBe(20);
      } finally {
        await other.close();
        await second.close();
      }
    }, 120_000);
});
