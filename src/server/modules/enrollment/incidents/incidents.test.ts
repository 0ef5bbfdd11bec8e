import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

// The test clock stands at Sunday 2026-11-29, 10:00 in Shanghai.
const OFFICIALS = { district_official: 403, city_official: 403, admin: 403 };

describe.each(DIALECTS)('incidents on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let mine: EnrolledChild;
  let classmate: EnrolledChild;
  let elsewhere: EnrolledChild;
  let caregiver: string;
  const incident = (overrides: object = {}) => ({
    occurredAt: '2026-11-27T10:20:00+08:00',
    childIds: [mine.childId, classmate.childId],
    kind: 'fall',
    description: '户外活动时两名幼儿相撞摔倒，膝盖擦伤',
    actionTaken: '保健医生清洗伤口并消毒',
    ...overrides,
  });
  const create = (payload: object, cookie = caregiver) =>
    t.app.inject({ method: 'POST', url: `/api/v1/institutions/${world.institutionId}/incidents`, payload, headers: { cookie } });
  const count = async () => (await t.deps.db.selectFrom('incidents').select('id').execute()).length;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    caregiver = world.actors.caregiver.cookie as string;
    mine = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      name: '小安',
    });
    classmate = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, classId: mine.classId, name: '小乐' });
    const other = await createInstitution(t.deps.db, world.townshipCodes[1] as string, '另一托育园');
    elsewhere = await createEnrolledChild(t.deps.db, { institutionId: other.id });
  });
  afterAll(() => t.close());

  it('records an incident for two children and lists it for the month', async () => {
    const res = await create(incident());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'fall', parentsInformedAt: null, reportedByName: '测试caregiver' });
    expect(
      res
        .json()
        .children.map((c: { name: string }) => c.name)
        .sort(),
    ).toEqual(['小乐', '小安'].sort());
    const list = await t.app.inject({
      url: `/api/v1/institutions/${world.institutionId}/incidents?month=2026-11`,
      headers: { cookie: caregiver },
    });
    expect(list.json().items).toHaveLength(1);
    const october = await t.app.inject({
      url: `/api/v1/institutions/${world.institutionId}/incidents?month=2026-10`,
      headers: { cookie: caregiver },
    });
    expect(october.json().items).toHaveLength(0);
  });

  it('records when the parents were told; the guardian sees the incident naming only their child', async () => {
    const created = (await create(incident({ kind: 'allergy', occurredAt: '2026-11-28T09:00:00+08:00' }))).json();
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/incidents/${created.id}`,
      payload: { parentsInformedAt: '2026-11-28T09:30:00+08:00' },
      headers: { cookie: world.actors.institution_admin.cookie },
    });
    expect(patch.statusCode).toBe(200);
    expect(patch.json().parentsInformedAt).toBe('2026-11-28T01:30:00.000Z');
    const seen = (
      await t.app.inject({ url: `/api/v1/children/${mine.childId}/incidents`, headers: { cookie: world.actors.parent.cookie } })
    ).json().items;
    expect(seen.length).toBeGreaterThanOrEqual(1);
    for (const i of seen) expect(i.children).toEqual([{ id: mine.childId, name: '小安' }]);
  });

  it.each([
    ['a time in the future', { occurredAt: '2026-11-29T11:00:00+08:00' }, 400],
    ['parents told before it happened', { parentsInformedAt: '2026-11-27T10:00:00+08:00' }, 400],
    ['an unknown kind', { kind: 'burn' }, 400],
    ['the same child twice', { childIds: ['MINE', 'MINE'] }, 400],
    ['a child of another institution', { childIds: ['ELSEWHERE'] }, 404],
    ['a day before the child started', { occurredAt: '2026-08-20T10:00:00+08:00' }, 404],
  ])('refuses %s and records nothing', async (_name, override, status) => {
    const payload = JSON.parse(
      JSON.stringify(incident(override)).replaceAll('MINE', mine.childId).replaceAll('ELSEWHERE', elsewhere.childId),
    );
    const before = await count();
    expect((await create(payload)).statusCode).toBe(status);
    expect(await count()).toBe(before);
  });

  it('keeps incidents to the institution’s staff; the guardian reads the child’s', async () => {
    const staff = { anonymous: 401, parent: 403, institution_admin: 201, caregiver: 201, ...OFFICIALS };
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: `/api/v1/institutions/${world.institutionId}/incidents`, payload: incident() },
      staff,
    );
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/institutions/${world.institutionId}/incidents?month=2026-11` },
      { ...staff, institution_admin: 200, caregiver: 200 },
    );
    const id = (await create(incident())).json().id;
    await expectRoleMatrix(
      t,
      world,
      { method: 'PATCH', url: `/api/v1/incidents/${id}`, payload: { actionTaken: '已电话告知家长并复查' } },
      { ...staff, institution_admin: 200, caregiver: 200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/children/${mine.childId}/incidents` },
      { anonymous: 401, parent: 200, institution_admin: 200, caregiver: 200, ...OFFICIALS },
    );
    const reads = await t.deps.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'child.read')
      .where('entity_id', '=', classmate.childId)
      .execute();
    expect(reads.some((r) => (r.detail as { via: string }).via === 'incidents')).toBe(true);
  });
});
