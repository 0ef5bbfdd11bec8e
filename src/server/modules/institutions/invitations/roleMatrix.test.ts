import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { nextCreditCode } from '../../../../../test/harness/factories/institutions.ts';
import { nextPhone } from '../../../../../test/harness/factories/users.ts';
import { type ActorName, createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';
import { as } from '../test/helpers.ts';

/**
 * Every invitation route and starting an institution, as every role: 401 without a session,
 * 403 for a role the route does not allow, 404 for another institution's invitations or for an
 * invitation to someone else's number.
 */
describe.each(DIALECTS)('invitations and starting an institution: who may use which route, on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let other: RoleWorld;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    other = await createRoleWorld(t);
  });
  afterAll(() => t.close());

  const everyone = (status: number): Record<ActorName, number> => ({
    anonymous: 401,
    parent: status,
    institution_admin: status,
    caregiver: status,
    district_official: status,
    city_official: status,
    admin: status,
  });
  const onlyDirector = (status: number) => ({ ...everyone(403), institution_admin: status });
  const invite = async () =>
    (
      await as(t, world.actors.institution_admin.cookie).post(`/api/v1/institutions/${world.institutionId}/invitations`, {
        phone: nextPhone(),
        role: 'caregiver',
      })
    ).json().id as string;

  it('inviting and listing: the director of that institution only', async () => {
    const url = `/api/v1/institutions/${world.institutionId}/invitations`;
    await expectRoleMatrix(t, world, { method: 'POST', url, payload: { phone: nextPhone(), role: 'caregiver' } }, onlyDirector(201));
    await expectRoleMatrix(t, world, { url }, onlyDirector(200));
    await expectRoleMatrix(t, other, { method: 'POST', url, payload: { phone: nextPhone(), role: 'caregiver' } }, onlyDirector(404));
    await expectRoleMatrix(t, other, { url }, onlyDirector(404));
  });

  it('accepting: only the invited number’s account; to everyone else it does not exist', async () => {
    const id = await invite();
    await expectRoleMatrix(t, world, { method: 'POST', url: `/api/v1/invitations/${id}/accept` }, everyone(404));
    await expectRoleMatrix(t, world, { url: '/api/v1/invitations' }, everyone(200));
  });

  it('revoking: the director of the invitation’s institution only', async () => {
    await expectRoleMatrix(t, other, { method: 'POST', url: `/api/v1/invitations/${await invite()}/revoke` }, onlyDirector(404));
    await expectRoleMatrix(t, world, { method: 'POST', url: `/api/v1/invitations/${await invite()}/revoke` }, onlyDirector(200));
  });

  it('starting an institution: anyone signed in', async () => {
    const starters = await createRoleWorld(t);
    await expectRoleMatrix(
      t,
      starters,
      () => ({
        method: 'POST',
        url: '/api/v1/institutions/start',
        payload: { name: '新园', creditCode: nextCreditCode(), address: '人民路2号', divisionCode: starters.townshipCodes[1] },
      }),
      everyone(201),
    );
    const me = (await as(t, starters.actors.city_official.cookie).get('/api/v1/auth/me')).json();
    expect(me.roles.map((r: { role: string }) => r.role).sort()).toEqual(['city_official', 'institution_admin']);
  });
});
