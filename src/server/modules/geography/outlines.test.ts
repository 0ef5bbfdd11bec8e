import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createDistrict, squareOutline } from '../../../../test/harness/factories/geography.ts';
import { createRoleWorld, type RoleWorld } from '../../../../test/harness/roles.ts';
import { MAX_OUTLINE_POSITIONS } from './outlineImport.ts';

const PUBLIC_URL = '/api/v1/divisions/outlines';
const HERE = { lat: 34.6, lng: 119.2 };

/** District outlines a city imports for the finder's map: synthetic squares, never real boundaries. */
describe.each(DIALECTS)('district outlines on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let admin: string;
  let url: string;
  let second: string;

  const put = (body: unknown, cookie = admin, lang?: string) =>
    t.app.inject({ method: 'PUT', url, payload: body as object, headers: { cookie, ...(lang ? { 'accept-language': lang } : {}) } });
  const collection = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
  const stored = () => t.deps.db.selectFrom('division_outlines').select('division_code').orderBy('division_code').execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    admin = world.actors.admin.cookie as string;
    url = `/api/v1/divisions/${world.cityCode}/outlines`;
    second = (await createDistrict(t.deps.db, '第二区', world.cityCode)).districtCode;
  });
  afterAll(() => t.close());

  it('has none until a city imports them: the finder then draws points only', async () => {
    const res = await t.app.inject({ url: PUBLIC_URL });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ approvalNumbers: [], outlines: { type: 'FeatureCollection', features: [] } });
  });

  it('imports a FeatureCollection with its 审图号, audited, and serves it publicly and cacheably', async () => {
    const res = await put({
      approvalNumber: 'GS(2099)0001号',
      source: '测试测绘',
      outlines: collection(
        squareOutline(world.districtCode, HERE),
        // adcode as a number, and an altitude, as some exports have them.
        {
          ...squareOutline(second, { lat: 34.7, lng: 119.3 }),
          properties: { adcode: Number(second) },
        },
      ),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ cityCode: world.cityCode, approvalNumber: 'GS(2099)0001号', districts: [world.districtCode, second] });

    const read = await t.app.inject({ url: PUBLIC_URL });
    expect(read.headers['cache-control']).toBe('public, max-age=300');
    const body = read.json();
    expect(body.approvalNumbers).toEqual(['GS(2099)0001号']);
    expect(body.outlines.features.map((f: { properties: unknown }) => f.properties)).toEqual([
      { code: world.districtCode, name: '测试区' },
      { code: second, name: '第二区' },
    ]);
    expect(body.outlines.features[0].geometry).toEqual(squareOutline(world.districtCode, HERE).geometry);

    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'detail'])
      .where('action', '=', 'division.outlines.import')
      .execute();
    expect(audited).toEqual([
      {
        action: 'division.outlines.import',
        actor_id: world.actors.admin.userId,
        detail: { districts: [world.districtCode, second], approvalNumber: 'GS(2099)0001号', source: '测试测绘' },
      },
    ]);
  });

  it('refuses bad features with every problem named by its feature, in Chinese and English, and keeps the outlines it had', async () => {
    const open = squareOutline(world.districtCode, HERE);
    open.geometry.coordinates[0]?.pop();
    const short = squareOutline(second, HERE);
    short.geometry.coordinates = [
      [
        [119.1, 34.5],
        [119.2, 34.5],
        [119.1, 34.5],
      ],
    ];
    // Latitude first, a common slip.
    const swapped = squareOutline(world.districtCode, HERE);
    swapped.geometry.coordinates = [
      [
        [34.6, 119.2],
        [34.7, 119.2],
        [34.7, 119.3],
        [34.6, 119.2],
      ],
    ];
    const features = [
      open,
      short,
      swapped,
      squareOutline('320706', HERE),
      { ...squareOutline('x', HERE), properties: { name: '无代码' } },
      { type: 'Feature', properties: { code: second }, geometry: { type: 'Point', coordinates: [119.2, 34.6] } },
    ];
    const zh = await put({ outlines: collection(...features) });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().error.message).toBe('导入文件有7处错误，未写入任何数据');
    expect(zh.json().error.details.map((d: { message: string }) => d.message)).toEqual([
      `第1个要素（${world.districtCode}）：第1个环未闭合（首尾坐标应相同）`,
      `第2个要素（${second}）：第1个环只有3个坐标点，至少需要4个`,
      `第3个要素（${world.districtCode}）：与第1个要素是同一区县`,
      `第3个要素（${world.districtCode}）：第1个环中的坐标（34.6, 119.2）不在中国境内的经纬度范围（WGS-84 经度、纬度）`,
      '第4个要素（320706）：区划代码“320706”不是本市现行的区县',
      '第5个要素：属性中没有区划代码（code 或 adcode）',
      '第6个要素：不是带 Polygon 或 MultiPolygon 几何的 GeoJSON Feature（geometry.type）',
    ]);
    const en = await put({ outlines: collection(open) }, admin, 'en');
    expect(en.json().error.details).toEqual([
      {
        feature: 1,
        kind: 'ring_open',
        message: `Feature 1 (${world.districtCode}): Ring 1 is not closed (its first and last positions must be the same)`,
      },
    ]);
    expect(await stored()).toEqual([{ division_code: world.districtCode }, { division_code: second }]);
  });

  it('replaces the city’s outlines whole: a district left out of the new file has none', async () => {
    const res = await put({ outlines: collection(squareOutline(second, HERE, 0.1)) });
    expect(res.json()).toEqual({ cityCode: world.cityCode, approvalNumber: null, districts: [second] });
    expect(await stored()).toEqual([{ division_code: second }]);
    expect((await t.app.inject({ url: PUBLIC_URL })).json().approvalNumbers).toEqual([]);
  });

  it('refuses more positions than a phone draws, a body over 5 MB, and a code that is not a city', async () => {
    const ring = Array.from({ length: MAX_OUTLINE_POSITIONS }, (_, k) => [119 + k / MAX_OUTLINE_POSITIONS, 34.5]);
    ring.push([119.5, 34.7], ring[0] as number[]);
    const feature = squareOutline(second, HERE);
    feature.geometry.coordinates = [ring];
    const many = await put({ outlines: collection(feature) });
    expect(many.statusCode).toBe(422);
    expect(many.json().error.details).toEqual([{ kind: 'too_large', message: `边界坐标点超过${MAX_OUTLINE_POSITIONS}个，请简化后再导入` }]);
    const huge = await put({ outlines: collection(squareOutline(second, HERE)), source: 'x'.repeat(5 * 1024 * 1024) });
    expect(huge.statusCode).toBe(413);
    const district = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/divisions/${world.districtCode}/outlines`,
      payload: { outlines: collection(squareOutline(second, HERE)) },
      headers: { cookie: admin },
    });
    expect(district.statusCode).toBe(404);
    expect(await stored()).toEqual([{ division_code: second }]);
  });
});
