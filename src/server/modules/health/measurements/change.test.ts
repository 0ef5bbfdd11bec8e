import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild, type EnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

const BIRTH = '2025-05-10';
const CHILD_ROUTE = { anonymous: 401, district_official: 403, city_official: 403, admin: 403 };

describe.each(DIALECTS)('correcting and removing growth entries on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let kid: EnrolledChild;
  let parent: string;
  let caregiver: string;

  const record = async (payload: object, cookie = parent) =>
    (await t.app.inject({ method: 'POST', url: `/api/v1/children/${kid.childId}/measurements`, payload, headers: { cookie } })).json()
      .id as string;
  const correct = (id: string, payload: object, cookie = parent) =>
    t.app.inject({ method: 'PUT', url: `/api/v1/measurements/${id}`, payload, headers: { cookie, 'accept-language': 'en' } });
  const remove = (id: string, cookie = parent) =>
    t.app.inject({ method: 'DELETE', url: `/api/v1/measurements/${id}`, headers: { cookie } });
  const lastAudit = async () =>
    t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'detail'])
      .where('entity_id', '=', kid.childId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    parent = world.actors.parent.cookie as string;
    caregiver = world.actors.caregiver.cookie as string;
    kid = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      birthDate: BIRTH,
    });
    await t.deps.db.updateTable('children').set({ sex: 'female' }).where('id', '=', kid.childId).execute();
  });
  afterAll(() => t.close());

  it('corrects a mistyped weight, audited with the values before and after', async () => {
    const id = await record({ measuredOn: '2026-11-01', weightKg: 10.4 });
    const res = await correct(id, { measuredOn: '2026-11-01', weightKg: 11.2 });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, weightKg: 11.2 });
    expect(await lastAudit()).toMatchObject({
      action: 'growth_measurement.correct',
      actor_role: 'parent',
      detail: { measurementId: id, before: { weightG: 10400 }, after: { weightG: 11200 } },
    });
  });

  it('checks a correction as a new entry: implausible refused at its field, unlikely only when confirmed', async () => {
    const id = await record({ measuredOn: '2026-11-02', weightKg: 10.1 });
    const refused = await correct(id, { measuredOn: '2026-11-02', weightKg: 25, confirmed: true });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details[0].path).toBe('body.weightKg');
    const asked = await correct(id, { measuredOn: '2026-11-02', lengthCm: 70, position: 'recumbent' });
    expect(asked.statusCode).toBe(409);
    expect((await correct(id, { measuredOn: '2026-11-02', lengthCm: 70, position: 'recumbent', confirmed: true })).statusCode).toBe(200);
  });

  it('removes an entry, audited with what it held; the record no longer shows it', async () => {
    const id = await record({ measuredOn: '2026-11-03', headCm: 46.2 });
    expect((await remove(id)).statusCode).toBe(204);
    expect(await lastAudit()).toMatchObject({
      action: 'growth_measurement.remove',
      detail: { measurementId: id, removed: { measuredOn: '2026-11-03', headMm: 462 } },
    });
    const items = (await t.app.inject({ url: `/api/v1/children/${kid.childId}/measurements`, headers: { cookie: parent } })).json().items;
    expect(items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await remove(id)).statusCode).toBe(404);
  });

  it('lets the guardian change the family’s entries and staff their institution’s, no other role', async () => {
    const family = await record({ measuredOn: '2026-11-04', weightKg: 10.3 });
    const staff = await record({ measuredOn: '2026-11-04', weightKg: 10.3 }, caregiver);
    const put = (id: string) => ({
      method: 'PUT' as const,
      url: `/api/v1/measurements/${id}`,
      payload: { measuredOn: '2026-11-04', weightKg: 10.5 },
    });
    await expectRoleMatrix(t, world, put(family), { ...CHILD_ROUTE, parent: 200, institution_admin: 403, caregiver: 403 });
    await expectRoleMatrix(t, world, put(staff), { ...CHILD_ROUTE, parent: 403, institution_admin: 200, caregiver: 200 });
    const stranger = await signIn(t.app, (await createUser(t.deps.db, { role: 'parent' })).phone);
    expect((await correct(family, { measuredOn: '2026-11-04', weightKg: 10.5 }, stranger)).statusCode).toBe(404);
    expect((await remove(family, stranger)).statusCode).toBe(404);
    expect((await remove(staff, parent)).statusCode).toBe(403);
    expect((await remove(staff, caregiver)).statusCode).toBe(204);
  });
});
