import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { makeResidentId } from '../../../../../test/harness/factories/children.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

// The test clock stands at 2026-11-29 (Asia/Shanghai).
describe.each(DIALECTS)('children on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let parent: string;
  const newChild = (overrides: Record<string, unknown> = {}) => ({
    name: '小明',
    sex: 'male',
    birthDate: '2025-03-15',
    residenceDivisionCode: world.townshipCodes[0],
    relation: 'mother',
    consent: true,
    ...overrides,
  });
  const post = (cookie: string | undefined, payload: unknown) =>
    t.app.inject({ method: 'POST', url: '/api/v1/children', payload: payload as object, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    parent = world.actors.parent.cookie as string;
  });
  afterAll(() => t.close());

  it('adds a child with consent; the resident ID is stored encrypted and shown masked', async () => {
    const residentId = makeResidentId(world.districtCode, '2025-03-15', 'male');
    const res = await post(parent, newChild({ residentId }));
    expect(res.statusCode).toBe(201);
    const child = res.json();
    expect(child).toMatchObject({
      name: '小明',
      birthDate: '2025-03-15',
      ageMonths: 20,
      residentIdMasked: `${residentId.slice(0, 4)}**********${residentId.slice(14)}`,
      residenceDivisionName: '测试区第1街道',
      guardians: [{ name: '测试parent', relation: 'mother' }],
    });
    const row = await t.deps.db.selectFrom('children').selectAll().where('id', '=', child.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(residentId);
    expect(t.deps.cipher.decrypt(row.resident_id_enc as string)).toBe(residentId);
    const consent = await t.deps.db.selectFrom('child_guardians').selectAll().where('child_id', '=', child.id).executeTakeFirstOrThrow();
    expect(consent.consent_version).toMatch(/^\d{4}-\d{2}$/);
  });

  it.each([
    ['a birth date in the future', { birthDate: '2026-12-01' }, 'body.birthDate', '出生日期不能晚于今天'],
    ['a child already 3', { birthDate: '2023-11-29' }, 'body.birthDate', '本平台服务3岁以下婴幼儿，该出生日期已满3岁'],
    ['a wrong check digit', { residentId: 'WRONG' }, 'body.residentId', '身份证号码不正确（校验位不符或出生日期无效）'],
    ['a district instead of a township', { residenceDivisionCode: 'DISTRICT' }, 'body.residenceDivisionCode', '请选择所在乡镇（街道）'],
    ['an ID of another birth date', { residentId: 'OTHER' }, 'body.residentId', '身份证号码中的出生日期或性别与填写的不一致'],
  ])('rejects %s with a clear 400 and writes nothing', async (_name, overrides, path, message) => {
    const good = makeResidentId(world.districtCode, '2025-03-15', 'male', 40);
    const swap: Record<string, unknown> = { ...overrides };
    if (swap.residentId === 'WRONG') swap.residentId = `${good.slice(0, 17)}${good.endsWith('0') ? '1' : '0'}`;
    if (swap.residentId === 'OTHER') swap.residentId = makeResidentId(world.districtCode, '2025-03-16', 'male', 41);
    if (swap.residenceDivisionCode === 'DISTRICT') swap.residenceDivisionCode = world.districtCode;
    const before = await t.deps.db
      .selectFrom('children')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await post(parent, newChild(swap));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path, message }]);
    const after = await t.deps.db
      .selectFrom('children')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('requires consent', async () => {
    const res = await post(parent, newChild({ consent: false }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details[0].path).toBe('body.consent');
  });

  it('refuses the same resident ID twice with 409', async () => {
    const residentId = makeResidentId(world.districtCode, '2024-06-01', 'female', 50);
    expect((await post(parent, newChild({ residentId, sex: 'female', birthDate: '2024-06-01' }))).statusCode).toBe(201);
    const again = await post(parent, newChild({ residentId, sex: 'female', birthDate: '2024-06-01' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CHILD_ALREADY_REGISTERED');
  });

  it('shows a parent only their own children: another parent’s child is 404', async () => {
    const other = await createUser(t.deps.db, { role: 'parent' });
    const otherCookie = await signIn(t.app, other.phone);
    const theirs = (await post(otherCookie, newChild({ name: '小红' }))).json();
    expect((await t.app.inject({ url: `/api/v1/children/${theirs.id}`, headers: { cookie: parent } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/children/${theirs.id}/access-log`, headers: { cookie: parent } })).statusCode).toBe(404);
    const mine = (await t.app.inject({ url: '/api/v1/children', headers: { cookie: parent } })).json().items;
    expect(mine.map((c: { name: string }) => c.name)).not.toContain('小红');
    expect(mine.length).toBeGreaterThan(0);
  });

  it('audits every read and lets the guardian see who read the record', async () => {
    const child = (await post(parent, newChild({ name: '小刚' }))).json();
    await t.app.inject({ url: `/api/v1/children/${child.id}`, headers: { cookie: parent } });
    await t.app.inject({ url: '/api/v1/children', headers: { cookie: parent } });
    const log = (await t.app.inject({ url: `/api/v1/children/${child.id}/access-log`, headers: { cookie: parent } })).json().items;
    expect(log.map((e: { action: string }) => e.action)).toEqual(['child.read', 'child.read', 'child.consent', 'child.create']);
    expect(log[0]).toMatchObject({ actorName: '测试parent', actorRole: 'parent' });
  });

  it('lets guardians use the children routes, and staff read a child holding a place at their institution', async () => {
    const child = (await post(parent, newChild({ name: '小华' }))).json();
    const officials = { district_official: 403, city_official: 403, admin: 403 };
    const staffAndOfficials = { institution_admin: 403, caregiver: 403, ...officials };
    // Not enrolled anywhere: staff may use the route, but the child is not theirs to see.
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/children/${child.id}` },
      { anonymous: 401, parent: 200, institution_admin: 404, caregiver: 404, ...officials },
    );
    const enrolled = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
    });
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/children/${enrolled.childId}` },
      { anonymous: 401, parent: 200, institution_admin: 200, caregiver: 200, ...officials },
    );
    await expectRoleMatrix(t, world, { url: '/api/v1/children' }, { anonymous: 401, parent: 200, ...staffAndOfficials });
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/children', payload: newChild({ name: '矩阵' }) },
      { anonymous: 401, parent: 201, ...staffAndOfficials },
    );
  });

  it('shows a caregiver of another institution nothing, and stops showing a child who left', async () => {
    const enrolled = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
    });
    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '另一托育园');
    const elsewhere = await signIn(t.app, (await createUser(t.deps.db, { role: 'caregiver', institutionId: other.id })).phone);
    expect((await t.app.inject({ url: `/api/v1/children/${enrolled.childId}`, headers: { cookie: elsewhere } })).statusCode).toBe(404);
    const caregiver = world.actors.caregiver.cookie as string;
    const read = await t.app.inject({ url: `/api/v1/children/${enrolled.childId}`, headers: { cookie: caregiver } });
    expect(read.statusCode).toBe(200);
    const log = (await t.app.inject({ url: `/api/v1/children/${enrolled.childId}/access-log`, headers: { cookie: parent } })).json().items;
    expect(log[0]).toMatchObject({ action: 'child.read', actorRole: 'caregiver' });
    await t.deps.db
      .updateTable('enrolments')
      .set({ end_date: '2026-11-27', end_reason: '搬家' })
      .where('id', '=', enrolled.enrolmentId)
      .execute();
    expect((await t.app.inject({ url: `/api/v1/children/${enrolled.childId}`, headers: { cookie: caregiver } })).statusCode).toBe(404);
  });
});
