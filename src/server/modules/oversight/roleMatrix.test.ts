import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createDistrict } from '../../../../test/harness/factories/geography.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';

/** Officials only; the city's see everything in it, a district's only its own district. */
const OFFICIALS = (districtOfficial: number) => ({
  anonymous: 401,
  parent: 403,
  institution_admin: 403,
  caregiver: 403,
  district_official: districtOfficial,
  city_official: 200,
  admin: 200,
});

describe.each(DIALECTS)('oversight role matrix on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let otherDistrict: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    otherDistrict = (await createDistrict(t.deps.db, '邻区')).districtCode;
  });
  afterAll(() => t.close());

  const routes = (code: string) => [
    `/api/v1/indicators?divisionCode=${code}`,
    `/api/v1/indicators/series?divisionCode=${code}&from=2026-01&to=2026-03`,
    `/api/v1/indicators.xlsx?divisionCode=${code}`,
    `/api/v1/planning/access?divisionCode=${code}&method=2sfca`,
  ];

  it('officials see their own district and its townships', async () => {
    for (const code of [world.districtCode, world.townshipCodes[0] as string])
      for (const url of routes(code)) await expectRoleMatrix(t, world, { url }, OFFICIALS(200));
  });

  it('a district official gets 404 for another district and for the city; city officials and admins do not', async () => {
    for (const code of [otherDistrict, `${otherDistrict}001`, '329900'])
      for (const url of routes(code)) await expectRoleMatrix(t, world, { url }, OFFICIALS(404));
  });

  it('accessibility by population grid: officials in scope are told the city has none yet', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/planning/access?divisionCode=${world.districtCode}&demand=grid` },
      { ...OFFICIALS(409), city_official: 409, admin: 409 },
    );
  });

  it('scenarios: officials save them for a division in scope and list their own', async () => {
    const body = (code: string) => ({
      divisionCode: code,
      name: '补足',
      changes: [{ townshipCode: `${code.slice(0, 6)}001`, places: 5, inclusive: true }],
    });
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/planning/scenarios', payload: body(world.districtCode) },
      { ...OFFICIALS(201), city_official: 201, admin: 201 },
    );
    await expectRoleMatrix(
      t,
      world,
      { method: 'POST', url: '/api/v1/planning/scenarios', payload: body(otherDistrict) },
      { ...OFFICIALS(404), city_official: 201, admin: 201 },
    );
    await expectRoleMatrix(t, world, { url: '/api/v1/planning/scenarios' }, OFFICIALS(200));
  });

  it('the public figures are for everyone', async () => {
    await expectRoleMatrix(
      t,
      world,
      { url: `/api/v1/public/indicators?divisionCode=${world.districtCode}` },
      { anonymous: 200, parent: 200, institution_admin: 200, caregiver: 200, district_official: 200, city_official: 200, admin: 200 },
    );
  });
});
