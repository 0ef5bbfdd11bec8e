import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../../test/harness/roles.ts';

const body = (
  placesPer1000: number,
  steps = [
    { upToKm: 1, weight: 1 },
    { upToKm: 2, weight: 0.5 },
  ],
) => ({
  targets: { placesPer1000, townshipCoverage: 1 },
  access: { catchmentKm: 2, steps, desertThresholdPer100: 33 },
});

describe.each(DIALECTS)('the city’s targets and accessibility parameters on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
  });
  afterAll(() => t.close());

  const as = (role: 'city_official' | 'district_official', options: { method?: 'GET' | 'PUT'; payload?: object; url?: string }) =>
    t.app.inject({
      method: options.method ?? 'GET',
      url: options.url ?? '/api/v1/oversight/settings',
      payload: options.payload,
      headers: { cookie: world.actors[role].cookie as string },
    });

  it('officials read them; only the city and admin change them', async () => {
    const officials = {
      anonymous: 401,
      parent: 403,
      institution_admin: 403,
      caregiver: 403,
      district_official: 200,
      city_official: 200,
      admin: 200,
    };
    await expectRoleMatrix(t, world, { url: '/api/v1/oversight/settings' }, officials);
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: '/api/v1/oversight/settings', payload: body(4.5) },
      { ...officials, district_official: 403 },
    );
  });

  it('a new target moves what every division is measured against, and the change is audited', async () => {
    const district = world.districtCode;
    const before = (await as('district_official', { url: `/api/v1/indicators?divisionCode=${district}` })).json();
    expect(before.targets.placesPer1000).toBe(4.5);

    const saved = await as('city_official', { method: 'PUT', payload: body(6) });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ targets: { placesPer1000: 6 }, defaults: { targets: { placesPer1000: 4.5 } } });
    const after = (await as('district_official', { url: `/api/v1/indicators?divisionCode=${district}` })).json();
    expect(after.targets.placesPer1000).toBe(6);
    expect(after.placesNeeded).toBe(Math.max(0, Math.ceil((6 * after.population) / 1000) - after.places));
    const access = (await as('district_official', { url: `/api/v1/planning/access?divisionCode=${district}&method=2sfca` })).json();
    expect(access.catchmentKm).toBe(2);

    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select(['actor_id', 'detail'])
      .where('action', '=', 'oversight.settings.update')
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(world.actors.city_official.userId);
  });

  it('refuses figures that make no sense, each at its field, and keeps the settings as they were', async () => {
    const before = (await as('city_official', {})).json();
    const coverage = await as('city_official', {
      method: 'PUT',
      payload: { ...body(4.5), targets: { placesPer1000: 4.5, townshipCoverage: 100 } },
    });
    expect(coverage.statusCode).toBe(400);
    expect(coverage.json().error.details).toEqual([
      { path: 'body.targets.townshipCoverage', message: '覆盖率目标应在 0 到 1 之间（1 即 100%）' },
    ]);
    const inward = await as('city_official', {
      method: 'PUT',
      payload: body(4.5, [
        { upToKm: 2, weight: 1 },
        { upToKm: 1, weight: 0.5 },
      ]),
    });
    expect(inward.statusCode).toBe(400);
    expect(inward.json().error.details[0]).toEqual({
      path: 'body.access.steps',
      message: '距离分段须由近及远递增，且远处的权重不高于近处',
    });
    expect((await as('city_official', {})).json()).toEqual(before);
  });
});
