import { afterAll, beforeAll, describe, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { squareOutline } from '../../../../test/harness/factories/geography.ts';
import { multipart } from '../../../../test/harness/multipart.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';
import { setReferencePoints } from './queries.ts';

const NOBODY_ELSE = { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403 };

/** The population grid: the admin changes it, city officials may read it. District outlines: the admin imports them, anyone reads them. */
describe.each(DIALECTS)('geography role matrix on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let url: string;

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    url = `/api/v1/divisions/${world.cityCode}/population-grid`;
    await setReferencePoints(t.deps.db, [{ code: world.townshipCodes[0] as string, lat: 34.6, lng: 119.2, source: 'test' }]);
  });
  afterAll(() => t.close());

  it('population grid: import and removal are the admin’s, the summary also the city official’s', async () => {
    await expectRoleMatrix(
      t,
      world,
      () => ({ method: 'POST', url, ...multipart('grid.csv', 'lat,lng,under3\n34.6,119.2,3\n', 'text/csv') }),
      { ...NOBODY_ELSE, city_official: 403, admin: 200 },
    );
    await expectRoleMatrix(t, world, { url }, { ...NOBODY_ELSE, city_official: 200, admin: 200 });
    // The first removal is the admin's; there is nothing left to remove after it.
    await expectRoleMatrix(t, world, { method: 'DELETE', url }, { ...NOBODY_ELSE, city_official: 403, admin: 200 });
  });

  it('district outlines: the import is the admin’s, the outlines everyone’s', async () => {
    const outlines = { type: 'FeatureCollection', features: [squareOutline(world.districtCode, { lat: 34.6, lng: 119.2 })] };
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/divisions/${world.cityCode}/outlines`, payload: { outlines } },
      { ...NOBODY_ELSE, city_official: 403, admin: 200 },
    );
    await expectRoleMatrix(
      t,
      world,
      { url: '/api/v1/divisions/outlines' },
      { anonymous: 200, parent: 200, institution_admin: 200, caregiver: 200, district_official: 200, city_official: 200, admin: 200 },
    );
  });
});
