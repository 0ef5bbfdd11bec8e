import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { multipart } from '../../../../test/harness/multipart.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';

const NOT_ADMIN = { anonymous: 401, parent: 403, institution_admin: 403, caregiver: 403, district_official: 403, city_official: 403 };

describe.each(DIALECTS)('division reference points on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let admin: string;
  const points = () =>
    t.deps.db
      .selectFrom('divisions')
      .select(['code', 'lat', 'lng', 'point_source'])
      .where('code', 'in', world.townshipCodes)
      .orderBy('code')
      .execute();
  const importFile = (filename: string, content: string) => {
    const body = multipart(filename, content, 'text/csv');
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/divisions/reference-points/import',
      payload: body.payload,
      headers: { ...body.headers, cookie: admin },
    });
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    admin = world.actors.admin.cookie as string;
  });
  afterAll(() => t.close());

  it('sets one point by hand, shown on the division, and answers a point outside China at its field', async () => {
    const [a] = world.townshipCodes as [string];
    const put = (payload: object) =>
      t.app.inject({ method: 'PUT', url: `/api/v1/divisions/${a}/reference-point`, payload, headers: { cookie: admin } });
    const set = await put({ lat: 34.6, lng: 119.22, source: '街道办事处' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().referencePoint).toEqual({ lat: 34.6, lng: 119.22, source: '街道办事处' });
    expect((await t.app.inject({ url: `/api/v1/divisions/${a}` })).json().referencePoint).toEqual({
      lat: 34.6,
      lng: 119.22,
      source: '街道办事处',
    });

    const swapped = await put({ lat: 119.22, lng: 34.6 });
    expect(swapped.statusCode).toBe(400);
    expect(swapped.json().error.details).toEqual([
      { path: 'body.lat', message: '纬度应在18到54之间（中国境内）' },
      { path: 'body.lng', message: '经度应在73到136之间（中国境内）' },
    ]);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/divisions/999999/reference-point',
      payload: { lat: 34, lng: 119 },
      headers: { cookie: admin },
    });
    expect(unknown.statusCode).toBe(404);
    const audited = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', a).execute();
    expect(audited.map((r) => r.action)).toContain('division.reference_point.set');
  });

  it('imports a file of points whole, or reports every bad line and sets none', async () => {
    const [a, b] = world.townshipCodes as [string, string];
    const before = await points();
    const bad = await importFile(
      'bad.csv',
      [`区划代码,纬度,经度`, `${a},34.61,119.2`, `999999,34.5,119.1`, `${b},119.1,34.5`, `${a},34.62,119.3`].join('\n'),
    );
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.map((d: { line: number; kind: string }) => [d.line, d.kind])).toEqual([
      [3, 'code'],
      [4, 'lat'],
      [4, 'lng'],
      [5, 'duplicate'],
    ]);
    expect(await points()).toEqual(before);

    const good = await importFile('points.csv', `code,lat,lng\n${a},34.61,119.2\n${b},34.55,119.15\n`);
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json()).toEqual({ imported: 2 });
    expect((await points()).filter((p) => p.code === a || p.code === b)).toEqual(
      [
        { code: a, lat: 34.61, lng: 119.2, point_source: 'import:points.csv' },
        { code: b, lat: 34.55, lng: 119.15, point_source: 'import:points.csv' },
      ].sort((x, y) => x.code.localeCompare(y.code)),
    );
  });

  it('is the admin’s to change', async () => {
    const [a] = world.townshipCodes as [string];
    await expectRoleMatrix(
      t,
      world,
      { method: 'PUT', url: `/api/v1/divisions/${a}/reference-point`, payload: { lat: 34.6, lng: 119.2 } },
      { ...NOT_ADMIN, admin: 200 },
    );
    await expectRoleMatrix(
      t,
      world,
      () => ({
        method: 'POST',
        url: '/api/v1/divisions/reference-points/import',
        ...multipart('p.csv', `code,lat,lng\n${a},34.6,119.2\n`, 'text/csv'),
      }),
      { ...NOT_ADMIN, admin: 200 },
    );
  });
});
