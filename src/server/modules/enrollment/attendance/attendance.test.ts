import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

// Friday 2026-11-27, 18:00 in Shanghai.
const EVENING = new Date('2026-11-27T10:00:00Z');
const DAY = '2026-11-27';
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00+08:00`;
const STAFF_ONLY = { anonymous: 401, parent: 403, district_official: 403, city_official: 403, admin: 403 };

describe.each(DIALECTS)('attendance and morning checks on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let kid: EnrolledChild;
  let elsewhere: EnrolledChild;
  let caregiver: string;
  let parent: string;
  let otherCaregiver: string;

  const put = (childId: string, day: string, payload: object, cookie = caregiver) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/children/${childId}/attendance/${day}`, payload, headers: { cookie } });
  const rowsOf = (childId: string) => t.deps.db.selectFrom('attendance').selectAll().where('child_id', '=', childId).execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    t.clock.set(EVENING);
    world = await createRoleWorld(t);
    caregiver = world.actors.caregiver.cookie as string;
    parent = world.actors.parent.cookie as string;
    kid = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      name: '小安',
    });
    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '另一托育园');
    elsewhere = await createEnrolledChild(t.deps.db, { institutionId: other.id });
    otherCaregiver = await signIn(t.app, (await createUser(t.deps.db, { role: 'caregiver', institutionId: other.id })).phone);
  });
  afterAll(() => t.close());

  it('checks a child in, then out to a guardian: one record for the day, which the parent sees', async () => {
    const checkIn = await put(kid.childId, DAY, { status: 'present', checkedInAt: at('08:05') });
    expect(checkIn.statusCode).toBe(200);
    expect(checkIn.json()).toMatchObject({ status: 'present', checkedOutAt: null, pickedUpBy: null, recordedByName: '测试caregiver' });
    const checkOut = await put(kid.childId, DAY, {
      status: 'present',
      checkedInAt: at('08:05'),
      checkedOutAt: at('17:10'),
      pickedUpBy: { kind: 'guardian', userId: world.actors.parent.userId },
    });
    expect(checkOut.statusCode).toBe(200);
    expect(checkOut.json()).toMatchObject({
      checkedInAt: '2026-11-27T00:05:00.000Z',
      checkedOutAt: '2026-11-27T09:10:00.000Z',
      pickedUpBy: { kind: 'guardian', name: '测试parent', relation: 'mother' },
    });
    expect(await rowsOf(kid.childId)).toHaveLength(1);

    const month = await t.app.inject({ url: `/api/v1/children/${kid.childId}/attendance?month=2026-11`, headers: { cookie: parent } });
    expect(month.statusCode).toBe(200);
    expect(month.json()).toMatchObject({ summary: { present: 1, absent: 0 }, days: [{ date: DAY, attendance: { status: 'present' } }] });

    const roster = await t.app.inject({ url: `/api/v1/classes/${kid.classId}/attendance?date=${DAY}`, headers: { cookie: caregiver } });
    expect(roster.statusCode).toBe(200);
    expect(roster.json().counts).toEqual({ children: 1, present: 1, absent: 0, notRecorded: 0, checkedOut: 1 });
    expect(roster.json().children[0].pickup.guardians).toEqual([
      { userId: world.actors.parent.userId, name: '测试parent', relation: 'mother' },
    ]);
  });

  it('says which days are not worked, by the official calendar, so the tablet does not call the roll', async () => {
    const dayOf = async (date: string) =>
      (await t.app.inject({ url: `/api/v1/classes/${kid.classId}/attendance?date=${date}`, headers: { cookie: caregiver } })).json().dayOff;
    expect(await dayOf(DAY)).toBeNull();
    expect(await dayOf('2026-11-22')).toEqual({ kind: 'weekend' });
    expect(await dayOf('2026-10-01')).toEqual({ kind: 'holiday', name: '国庆节' });
    // 2026-10-10 is a Saturday worked in exchange for the National Day week.
    expect(await dayOf('2026-10-10')).toBeNull();
  });

  it('records an absence with a reason, replacing the day’s record', async () => {
    const res = await put(kid.childId, '2026-11-26', { status: 'absent', reason: 'sick', note: '发热' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'absent', absenceReason: 'sick', note: '发热', checkedInAt: null });
    const month = (
      await t.app.inject({ url: `/api/v1/children/${kid.childId}/attendance?month=2026-11`, headers: { cookie: parent } })
    ).json();
    expect(month.summary).toMatchObject({ present: 1, absent: 1, sick: 1 });
  });

  it('hands a child only to a pick-up person authorised at check-out time', async () => {
    t.clock.set(new Date('2026-11-25T00:00:00Z')); // 08:00 Wednesday
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/children/${kid.childId}/pickup-persons`,
      payload: { name: '王奶奶', relation: 'grandparent', phone: '13812345678' },
      headers: { cookie: parent },
    });
    expect(added.statusCode).toBe(201);
    const grandma = added.json().id;
    t.clock.set(EVENING);
    const day = '2026-11-25';
    const out = (personId: string, time = '17:00') =>
      put(kid.childId, day, {
        status: 'present',
        checkedInAt: at('08:30', day),
        checkedOutAt: at(time, day),
        pickedUpBy: { kind: 'pickup_person', personId },
      });
    const ok = await out(grandma);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().pickedUpBy).toMatchObject({ kind: 'pickup_person', name: '王奶奶', relation: 'grandparent' });

    // Revoked at noon today: the earlier check-out stays valid, one after the revocation is refused.
    t.clock.set(new Date('2026-11-27T04:00:00Z'));
    const revoke = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/children/${kid.childId}/pickup-persons/${grandma}`,
      headers: { cookie: parent },
    });
    expect(revoke.statusCode).toBe(204);
    t.clock.set(EVENING);
    expect((await out(grandma)).statusCode).toBe(200);
    const todayOut = await put(kid.childId, DAY, {
      status: 'present',
      checkedInAt: at('08:05'),
      checkedOutAt: at('17:55'),
      pickedUpBy: { kind: 'pickup_person', personId: grandma },
    });
    expect(todayOut.statusCode).toBe(422);
    expect(todayOut.json().error.code).toBe('PICKUP_NOT_AUTHORISED');
  });

  it.each([
    ['a stranger named as guardian', 'stranger'],
    ['another child’s pick-up person', 'otherPerson'],
  ])('refuses check-out to %s with 422 and changes nothing', async (_name, who) => {
    let pickedUpBy: object;
    if (who === 'stranger') {
      pickedUpBy = { kind: 'guardian', userId: (await createUser(t.deps.db, { role: 'parent' })).id };
    } else {
      const person = await t.deps.db
        .insertInto('pickup_persons')
        .values({
          child_id: elsewhere.childId,
          name: '李叔叔',
          relation: 'relative',
          phone: '13912345678',
          authorised_by: elsewhere.guardianUserId,
          authorised_at: new Date('2026-01-01'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      pickedUpBy = { kind: 'pickup_person', personId: person.id };
    }
    const before = await rowsOf(kid.childId);
    const res = await put(kid.childId, DAY, { status: 'present', checkedInAt: at('08:05'), checkedOutAt: at('17:30'), pickedUpBy });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('PICKUP_NOT_AUTHORISED');
    expect(await rowsOf(kid.childId)).toEqual(before);
  });

  it.each([
    ['a future day', '2026-11-28', { status: 'present', checkedInAt: at('08:00', '2026-11-28') }, 'params.date', '日期不能晚于今天'],
    [
      'check-out before check-in',
      DAY,
      { status: 'present', checkedInAt: at('09:00'), checkedOutAt: at('08:00'), pickedUpBy: { kind: 'guardian', userId: 'GUARDIAN' } },
      'body.checkedOutAt',
      '离园时间不能早于入园时间',
    ],
    ['a check-in later than now', DAY, { status: 'present', checkedInAt: at('19:00') }, 'body.checkedInAt', '时间不能晚于现在'],
    [
      'a check-in on another day',
      DAY,
      { status: 'present', checkedInAt: at('08:00', '2026-11-26') },
      'body.checkedInAt',
      '时间须在该日内（北京时间）',
    ],
    [
      'a check-out without who picked up',
      DAY,
      { status: 'present', checkedInAt: at('08:00'), checkedOutAt: at('17:00') },
      'body.pickedUpBy',
      '离园时须填写接送人（监护人或授权接送人），未离园时不填',
    ],
    ['a day before the enrollment', '2026-08-31', { status: 'absent', reason: 'leave' }, 'params.date', '该日幼儿不在本机构在托'],
    ['a malformed date', '2026-02-30', { status: 'absent', reason: 'leave' }, 'params.date', '日期格式应为 YYYY-MM-DD'],
  ])('refuses %s with a clear 400 and changes nothing', async (_name, day, body, path, message) => {
    const payload = JSON.parse(JSON.stringify(body).replace('GUARDIAN', world.actors.parent.userId as string));
    const before = await rowsOf(kid.childId);
    const res = await put(kid.childId, day, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toContainEqual({ path, message });
    expect(await rowsOf(kid.childId)).toEqual(before);
  });

  it('refuses an absence without a reason', async () => {
    const res = await put(kid.childId, DAY, { status: 'absent' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.reason');
  });

  it('treats a child of another institution as not found, for writes and reads', async () => {
    expect((await put(elsewhere.childId, DAY, { status: 'absent', reason: 'leave' })).statusCode).toBe(404);
    expect((await rowsOf(elsewhere.childId)).length).toBe(0);
    const read = await t.app.inject({
      url: `/api/v1/children/${kid.childId}/attendance?month=2026-11`,
      headers: { cookie: otherCaregiver },
    });
    expect(read.statusCode).toBe(404);
    const roster = await t.app.inject({
      url: `/api/v1/classes/${kid.classId}/attendance?date=${DAY}`,
      headers: { cookie: otherCaregiver },
    });
    expect(roster.statusCode).toBe(404);
  });

  it('refuses a malformed month', async () => {
    const res = await t.app.inject({ url: `/api/v1/children/${kid.childId}/attendance?month=2026-13`, headers: { cookie: parent } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path: 'querystring.month', message: '月份格式应为 YYYY-MM' }]);
  });

  it('records the morning check with listed symptoms, queryable by symptom for cluster detection', async () => {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/children/${kid.childId}/morning-checks/${DAY}`,
      payload: { temperatureC: 37.8, symptoms: ['fever', 'rash', 'mouth_sores'], note: '手心有疱疹' },
      headers: { cookie: caregiver },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ temperatureC: 37.8, symptoms: ['fever', 'rash', 'mouth_sores'], checkedByName: '测试caregiver' });
    const cases = await sql<{ n: number }>`
      select count(*)::int as n from morning_checks
      where class_id = ${kid.classId} and checked_on = ${DAY} and symptoms @> array['rash']::text[]`.execute(t.deps.db);
    expect(cases.rows[0]?.n).toBe(1);
    const roster = (
      await t.app.inject({ url: `/api/v1/classes/${kid.classId}/attendance?date=${DAY}`, headers: { cookie: caregiver } })
    ).json();
    expect(roster.children[0].morningCheck).toMatchObject({ temperatureC: 37.8 });
    const month = (
      await t.app.inject({ url: `/api/v1/children/${kid.childId}/attendance?month=2026-11`, headers: { cookie: parent } })
    ).json();
    expect(month.days.find((d: { date: string }) => d.date === DAY).morningCheck.symptoms).toContain('rash');
  });

  it.each([
    ['a temperature of 50', { temperatureC: 50 }, 'body.temperatureC'],
    ['two decimals', { temperatureC: 36.55 }, 'body.temperatureC'],
    ['an unknown symptom', { temperatureC: 36.6, symptoms: ['sneezing'] }, 'body.symptoms.0'],
    ['a symptom twice', { temperatureC: 36.6, symptoms: ['cough', 'cough'] }, 'body.symptoms'],
  ])('refuses a morning check with %s and changes nothing', async (_name, payload, path) => {
    const before = await t.deps.db.selectFrom('morning_checks').selectAll().where('child_id', '=', kid.childId).execute();
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/children/${kid.childId}/morning-checks/${DAY}`,
      payload,
      headers: { cookie: caregiver },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe(path);
    expect(await t.deps.db.selectFrom('morning_checks').selectAll().where('child_id', '=', kid.childId).execute()).toEqual(before);
  });

  it('audits every read and write, and the guardian sees them in the access log', async () => {
    await t.app.inject({ url: `/api/v1/classes/${kid.classId}/attendance?date=${DAY}`, headers: { cookie: caregiver } });
    await t.app.inject({ url: `/api/v1/children/${kid.childId}/attendance?month=2026-11`, headers: { cookie: parent } });
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'detail'])
      .where('entity_type', '=', 'child')
      .where('entity_id', '=', kid.childId)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(log.map((l) => [l.action, l.actor_role, (l.detail as { via: string }).via])).toEqual([
      ['child.read', 'parent', 'attendance_month'],
      ['child.read', 'caregiver', 'attendance_roster'],
    ]);
    const shown = (await t.app.inject({ url: `/api/v1/children/${kid.childId}/access-log`, headers: { cookie: parent } })).json().items;
    const actions = new Set(shown.map((e: { action: string }) => e.action));
    for (const a of ['attendance.record', 'morning_check.record', 'pickup_person.authorise', 'pickup_person.revoke', 'child.read'])
      expect(actions).toContain(a);
  });

  it('lets only the institution’s staff take attendance; the parent and staff read the child’s month', async () => {
    const staff200 = { institution_admin: 200, caregiver: 200 };
    await expectRoleMatrix(t, world, { url: `/api/v1/classes/${kid.classId}/attendance?date=${DAY}` }, { ...STAFF_ONLY, ...staff200 });
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/children/${kid.childId}/attendance/2026-11-24`, payload: { status: 'absent', reason: 'leave' } },
      { ...STAFF_ONLY, ...staff200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/children/${kid.childId}/morning-checks/2026-11-24`, payload: { temperatureC: 36.5 } },
      { ...STAFF_ONLY, ...staff200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/children/${kid.childId}/attendance?month=2026-11` },
      { anonymous: 401, parent: 200, institution_admin: 200, caregiver: 200, district_official: 403, city_official: 403, admin: 403 },
    );
    const otherParent = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    const res = await t.app.inject({ url: `/api/v1/children/${kid.childId}/attendance?month=2026-11`, headers: { cookie: otherParent } });
    expect(res.statusCode).toBe(404);
  });
});
