import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

// The test clock: 2026-11-29, 10:00 in Shanghai. The child is a girl born 2025-05-10.
const BIRTH = '2025-05-10';
const INDICATORS = ['weightForAge', 'lengthForAge', 'weightForLength', 'bmiForAge', 'headForAge'] as const;
const CHILD_ROUTE = { anonymous: 401, district_official: 403, city_official: 403, admin: 403 };

describe.each(DIALECTS)('growth measurements on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let kid: EnrolledChild;
  let parent: string;
  let caregiver: string;

  const url = (childId: string) => `/api/v1/children/${childId}/measurements`;
  const post = (childId: string, payload: object, cookie: string) =>
    t.app.inject({ method: 'POST', url: url(childId), payload, headers: { cookie, 'accept-language': 'en' } });
  const get = (childId: string, cookie: string) => t.app.inject({ url: url(childId), headers: { cookie } });
  const calculator = async (payload: object) =>
    (
      await t.app.inject({ method: 'POST', url: '/api/v1/growth/zscores', payload: { sex: 'female', birthDate: BIRTH, ...payload } })
    ).json();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    parent = world.actors.parent.cookie as string;
    caregiver = world.actors.caregiver.cookie as string;
    kid = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      name: '小禾',
      birthDate: BIRTH,
    });
    await t.deps.db.updateTable('children').set({ sex: 'female' }).where('id', '=', kid.childId).execute();
  });
  afterAll(() => t.close());

  it('stores what the parent measured and answers with the WHO scores of that day, as the calculator does', async () => {
    const measured = { measuredOn: '2026-05-10', weightKg: 9.25, lengthCm: 76.4, position: 'recumbent', headCm: 45.1 };
    const res = await post(kid.childId, measured, parent);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    const reference = await calculator(measured);
    expect(body).toMatchObject({
      measuredOn: '2026-05-10',
      ageDays: 365,
      weightKg: 9.25,
      lengthCm: 76.4,
      position: 'recumbent',
      headCm: 45.1,
      source: 'parent',
      institutionName: null,
      recordedByName: '测试parent',
    });
    for (const name of INDICATORS) expect(body.scores[name]).toEqual(reference[name]);
    expect(body.flags).toEqual({ underweight: false, stunting: false, wasting: false, overweight: false, implausible: false });

    // Integers in the table: grams and millimetres, never the z-scores.
    const row = await t.deps.db.selectFrom('growth_measurements').selectAll().where('id', '=', body.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      weight_g: 9250,
      length_mm: 764,
      head_mm: 451,
      position: 'recumbent',
      source: 'parent',
      institution_id: null,
    });
  });

  it('records a caregiver’s measurement for the institution, and lists both oldest first', async () => {
    const res = await post(kid.childId, { measuredOn: '2026-11-27', weightKg: 10.6, lengthCm: 82.0, position: 'standing' }, caregiver);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      source: 'institution',
      institutionName: '测试托育园',
      recordedByName: '测试caregiver',
      headCm: null,
    });
    // Standing before 24 months: WHO adds 0.7 cm, exactly as the calculator does.
    expect(res.json().scores.lengthForAge).toEqual(
      (await calculator({ measuredOn: '2026-11-27', lengthCm: 82, position: 'standing' })).lengthForAge,
    );

    const list = await get(kid.childId, parent);
    expect(list.statusCode).toBe(200);
    expect(list.json().child).toEqual({ id: kid.childId, name: '小禾', sex: 'female', birthDate: BIRTH });
    expect(list.json().items.map((m: { measuredOn: string; source: string }) => [m.measuredOn, m.source])).toEqual([
      ['2026-05-10', 'parent'],
      ['2026-11-27', 'institution'],
    ]);
  });

  it('flags stunting, underweight, wasting and overweight from the z-scores', async () => {
    // 18 months: 70 cm is far below the girls' median (about 80.7 cm); 7.6 kg is light for the age.
    const short = (
      await post(kid.childId, { measuredOn: '2026-11-10', weightKg: 7.6, lengthCm: 70, position: 'recumbent', confirmed: true }, parent)
    ).json();
    expect(short.scores.lengthForAge.z).toBeLessThan(-3);
    expect(short.scores.weightForAge.z).toBeLessThan(-2);
    expect(short.flags).toMatchObject({ stunting: true, underweight: true, implausible: false });
    expect(short.flags.wasting).toBe(short.scores.weightForLength.z < -2);

    const heavy = (
      await post(kid.childId, { measuredOn: '2026-11-11', weightKg: 14.5, lengthCm: 80, position: 'recumbent', confirmed: true }, parent)
    ).json();
    expect(heavy.scores.weightForLength.z).toBeGreaterThan(2);
    expect(heavy.flags).toMatchObject({ overweight: true, wasting: false });

    const thin = (
      await post(kid.childId, { measuredOn: '2026-11-12', weightKg: 7.2, lengthCm: 81, position: 'recumbent', confirmed: true }, parent)
    ).json();
    expect(thin.scores.weightForLength.z).toBeLessThan(-2);
    expect(thin.flags.wasting).toBe(true);
  });

  it('refuses at its field a value WHO flags as implausible for the age, in the caller’s language, and stores nothing', async () => {
    const count = async () =>
      (await t.deps.db.selectFrom('growth_measurements').select('id').where('child_id', '=', kid.childId).execute()).length;
    const before = await count();
    // WHO anthro's own flagged case: a one-day-old girl of 10.37 kg (test-zscore-weight-for-age.R).
    const typo = await post(kid.childId, { measuredOn: '2025-05-11', weightKg: 10.37, confirmed: true }, parent);
    expect(typo.statusCode).toBe(400);
    expect(typo.json().error.details).toEqual([{ path: 'body.weightKg', message: expect.stringContaining('not possible at this age') }]);
    // 95 kg: beyond any child's weight, in Chinese for a Chinese caller.
    const heavy = await t.app.inject({
      method: 'POST',
      url: url(kid.childId),
      payload: { measuredOn: '2026-11-01', weightKg: 95 },
      headers: { cookie: parent, 'accept-language': 'zh-CN' },
    });
    expect(heavy.statusCode).toBe(400);
    expect(heavy.json().error.details).toEqual([{ path: 'body.weightKg', message: expect.stringContaining('体重') }]);
    // 25 kg fits the form's bounds, but no 18-month-old girl weighs it.
    const unlikely = await post(kid.childId, { measuredOn: '2026-11-01', weightKg: 25 }, parent);
    expect(unlikely.statusCode).toBe(400);
    expect(unlikely.json().error.details[0].path).toBe('body.weightKg');
    expect(await count()).toBe(before);
  });

  it('stores a value beyond ±3 SD only when the recorder confirms it', async () => {
    const measured = { measuredOn: '2026-11-02', lengthCm: 70, position: 'recumbent' };
    const asked = await post(kid.childId, measured, parent);
    expect(asked.statusCode).toBe(409);
    expect(asked.json().error).toMatchObject({
      code: 'MEASUREMENT_NEEDS_CONFIRMATION',
      details: [{ path: 'body.lengthCm', message: expect.stringContaining('confirm it is right') }],
    });
    const confirmed = await post(kid.childId, { ...measured, confirmed: true }, parent);
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().scores.lengthForAge.z).toBeLessThan(-3);
  });

  it.each([
    ['a future day', { measuredOn: '2026-11-30', weightKg: 10 }, 'body.measuredOn', 'The date cannot be later than today'],
    ['a day before birth', { measuredOn: '2025-05-09', weightKg: 3 }, 'body.measuredOn', 'The measurement date is before the birth date'],
    ['a negative weight', { measuredOn: '2026-11-01', weightKg: -1 }, 'body.weightKg', 'Weight is 0.2–60 kg with at most 3 decimals'],
    ['a weight in grams', { measuredOn: '2026-11-01', weightKg: 10500 }, 'body.weightKg', 'Weight is 0.2–60 kg with at most 3 decimals'],
    ['a length to 0.01 cm', { measuredOn: '2026-11-01', lengthCm: 80.25, position: 'standing' }, 'body.lengthCm', 'Length or height'],
    ['a length without position', { measuredOn: '2026-11-01', lengthCm: 80 }, 'body.position', 'say how it was measured'],
    ['a position without length', { measuredOn: '2026-11-01', weightKg: 10, position: 'standing' }, 'body.position', 'A position goes'],
    ['nothing measured', { measuredOn: '2026-11-01' }, 'body', 'Give at least one'],
    ['a text weight', { measuredOn: '2026-11-01', weightKg: '10' }, 'body.weightKg', 'Weight is'],
    ['a bad date', { measuredOn: '2026-02-30', weightKg: 10 }, 'body.measuredOn', 'Dates are written YYYY-MM-DD'],
  ])('refuses %s with a 400 naming the field', async (_case, payload, path, words) => {
    const before = await t.deps.db.selectFrom('growth_measurements').select('id').where('child_id', '=', kid.childId).execute();
    const res = await post(kid.childId, payload, parent);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details).toEqual(expect.arrayContaining([{ path, message: expect.stringContaining(words) }]));
    expect(await t.deps.db.selectFrom('growth_measurements').select('id').where('child_id', '=', kid.childId).execute()).toEqual(before);
  });

  it('lets the guardian and the institution’s staff in, and no other role', async () => {
    const allowed = { parent: 200, institution_admin: 200, caregiver: 200 };
    await expectRoleMatrix(t, world, { url: url(kid.childId) }, { ...CHILD_ROUTE, ...allowed });
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: url(kid.childId), payload: { measuredOn: '2026-11-20', weightKg: 10.4 } },
      { ...CHILD_ROUTE, parent: 201, institution_admin: 201, caregiver: 201 },
    );
  });

  it('does not reveal a child to another parent, to another institution, or to staff after the child left', async () => {
    const stranger = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '另一托育园');
    const otherCaregiver = await signIn(t.app, (await createUser(t.deps.db, { role: 'caregiver', institutionId: other.id })).phone);
    for (const cookie of [stranger, otherCaregiver]) {
      expect((await get(kid.childId, cookie)).statusCode).toBe(404);
      expect((await post(kid.childId, { measuredOn: '2026-11-01', weightKg: 10 }, cookie)).statusCode).toBe(404);
    }
    expect((await get('00000000-0000-4000-8000-000000000000', parent)).statusCode).toBe(404);

    const left = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      startDate: '2026-09-01',
      endDate: '2026-10-31',
    });
    expect((await get(left.childId, caregiver)).statusCode).toBe(404);
    expect((await post(left.childId, { measuredOn: '2026-11-01', weightKg: 10 }, caregiver)).statusCode).toBe(404);
    expect((await get(left.childId, parent)).statusCode).toBe(200);
  });

  it('audits every read and every write of the record', async () => {
    await get(kid.childId, caregiver);
    const written = await post(kid.childId, { measuredOn: '2026-11-28', headCm: 46.2 }, world.actors.institution_admin.cookie as string);
    const log = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'detail'])
      .where('entity_type', '=', 'child')
      .where('entity_id', '=', kid.childId)
      .orderBy('id', 'desc')
      .limit(2)
      .execute();
    expect(log.map((l) => [l.action, l.actor_role, l.detail])).toEqual([
      [
        'growth_measurement.record',
        'institution_admin',
        { measurementId: written.json().id, measuredOn: '2026-11-28', source: 'institution' },
      ],
      ['child.read', 'caregiver', { via: 'growth' }],
    ]);
    // A refused read is not a read: nothing is written for it.
    const count = async () => (await t.deps.db.selectFrom('audit_log').select('id').where('entity_id', '=', kid.childId).execute()).length;
    const before = await count();
    await get(kid.childId, world.actors.district_official.cookie as string);
    expect(await count()).toBe(before);
  });
});
