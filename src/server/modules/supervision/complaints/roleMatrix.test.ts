import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { type ActorName, createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

const EVERYONE_SIGNED_IN = { parent: 200, institution_admin: 200, caregiver: 200, district_official: 200, city_official: 200, admin: 200 };

describe.each(DIALECTS)('complaints role matrix on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let otherInstitutionId: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    await t.deps.db.updateTable('institutions').set({ status: 'filed' }).where('id', '=', world.institutionId).execute();
    const other = await createDistrict(t.deps.db, '邻区');
    otherInstitutionId = (await createFiledInstitution(t.deps.db, other.townshipCodes[0] as string, '邻区托育园')).id;
  });
  afterAll(() => t.close());

  /** A fresh complaint by the parent about an institution, one per actor of a matrix. */
  async function complaintsPerActor(institutionId: string) {
    const ids = {} as Record<ActorName, string>;
    for (const name of Object.keys(world.actors) as ActorName[]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/complaints',
        payload: { institutionId, category: 'safety', text: `矩阵 ${name}` },
        headers: { cookie: world.actors.parent.cookie as string },
      });
      ids[name] = res.json().id;
    }
    return ids;
  }

  it('anyone signed in complains; the public needs a number and its code', async () => {
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/complaints', payload: { institutionId: world.institutionId, category: 'fees', text: '收费不透明' } },
      { anonymous: 400, parent: 201, institution_admin: 201, caregiver: 201, district_official: 201, city_official: 201, admin: 201 },
    );
  });

  it('everyone signed in lists complaints (their queue or their own)', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/complaints' }, { anonymous: 401, ...EVERYONE_SIGNED_IN });
    await expectRoleMatrix(t, world, { url: '/api/v1/complaints?mine=true' }, { anonymous: 401, ...EVERYONE_SIGNED_IN });
  });

  it('only officials act on a complaint, a district official only in their district', async () => {
    const own = await complaintsPerActor(world.institutionId);
    await expectRoleMatrix(
      t,
      world,
      (actor) => ({ method: 'POST', url: `/api/v1/complaints/${own[actor.name]}/transitions`, payload: { action: 'accept' } }),
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 200, city_official: 200, admin: 200 },
    );
    const other = await complaintsPerActor(otherInstitutionId);
    await expectRoleMatrix(
      t,
      world,
      (actor) => ({ method: 'POST', url: `/api/v1/complaints/${other[actor.name]}/transitions`, payload: { action: 'accept' } }),
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 404, city_official: 200, admin: 200 },
    );
  });

  it('only the complainant rates, and only once it is resolved', async () => {
    const ids = await complaintsPerActor(world.institutionId);
    for (const id of Object.values(ids)) {
      const headers = { cookie: world.actors.district_official.cookie as string };
      await t.app.inject({ method: 'POST', url: `/api/v1/complaints/${id}/transitions`, payload: { action: 'accept' }, headers });
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/complaints/${id}/transitions`,
        payload: { action: 'resolve', answer: '已处理', upheld: true },
        headers,
      });
    }
    await expectRoleMatrix(
      t,
      world,
      (actor) => ({ method: 'POST', url: `/api/v1/complaints/${ids[actor.name]}/rating`, payload: { score: 4 } }),
      { anonymous: 401, parent: 200, institution_admin: 404, caregiver: 404, district_official: 404, city_official: 404, admin: 404 },
    );
  });

  it('the calendar is read by all and kept by the admin', async () => {
    await expectRoleMatrix(t, world, { url: '/api/v1/calendar/years/2026' }, { anonymous: 200, ...EVERYONE_SIGNED_IN });
    await expectRoleMatrix(
      t,
      world,
      {
        method: 'PUT',
        url: '/api/v1/admin/calendar/years/2030',
        payload: { source: '测试', days: [{ day: '2030-01-01', kind: 'holiday', name: '元旦' }] },
      },
      { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 403, admin: 200 },
    );
  });
});
