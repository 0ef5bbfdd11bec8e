import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createClass, createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

describe.each(DIALECTS)('a child’s place on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  const placeOf = (childId: string, cookie = world.actors.parent.cookie) =>
    t.app.inject({ url: `/api/v1/children/${childId}/place`, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    await t.deps.db
      .updateTable('institutions')
      .set({ name: '海州区阳光托育园', address: '海州区新浦路1号', contact_phone: '0518-85550000', opens_at: '07:30', closes_at: '17:30' })
      .where('id', '=', world.institutionId)
      .execute();
  });
  afterAll(() => t.close());

  it('shows a guardian the institution and class the child is in now, and nothing once the place ends', async () => {
    const cls = await createClass(t.deps.db, world.institutionId, { classType: 'toddler', name: '托小一班' });
    const placed = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      classId: cls.id,
      guardianUserId: world.actors.parent.userId,
      startDate: '2026-09-01',
    });
    const res = await placeOf(placed.childId);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      place: {
        enrolmentId: placed.enrolmentId,
        startDate: '2026-09-01',
        institutionId: world.institutionId,
        institutionName: '海州区阳光托育园',
        address: '海州区新浦路1号',
        phone: '0518-85550000',
        opensAt: '07:30',
        closesAt: '17:30',
        classId: cls.id,
        className: '托小一班',
        classType: 'toddler',
      },
    });

    const ended = await createEnrolledChild(t.deps.db, {
      institutionId: world.institutionId,
      guardianUserId: world.actors.parent.userId,
      startDate: '2026-03-01',
      endDate: '2026-08-31',
    });
    expect((await placeOf(ended.childId)).json()).toEqual({ place: null });
  });

  it('answers 404 for another family’s child, and only guardians and the institution’s staff may ask', async () => {
    const other = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId });
    expect((await placeOf(other.childId)).statusCode).toBe(404);
    const own = await createEnrolledChild(t.deps.db, { institutionId: world.institutionId, guardianUserId: world.actors.parent.userId });
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/children/${own.childId}/place` },
      { anonymous: 401, parent: 200, institution_admin: 200, caregiver: 200, district_official: 403, city_official: 403, admin: 403 },
    );
  });
});
