import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createDistrict } from '../../../../test/harness/factories/geography.ts';
import { multipart } from '../../../../test/harness/multipart.ts';
import { createRoleWorld, type RoleWorld } from '../../../../test/harness/roles.ts';
import { setReferencePoints } from './queries.ts';

/** The test city's two townships sit at lng 119.20 and 119.30 on latitude 34.6. */
describe.each(DIALECTS)('population grid on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  let admin: string;
  let url: string;

  const importGrid = (content: string | Buffer, filename = 'grid.csv', cookie = admin) => {
    const body = multipart(filename, content, 'text/csv');
    return t.app.inject({ method: 'POST', url, payload: body.payload, headers: { ...body.headers, cookie } });
  };
  const summary = async (cookie = admin) => (await t.app.inject({ url, headers: { cookie } })).json();
  const cells = () =>
    t.deps.db
      .selectFrom('population_grid_cells')
      .select(['lat', 'lng', 'under3'])
      .where('city_code', '=', world.cityCode)
      .orderBy('lat')
      .orderBy('lng')
      .execute();

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
    admin = world.actors.admin.cookie as string;
    url = `/api/v1/divisions/${world.cityCode}/population-grid`;
    await setReferencePoints(
      t.deps.db,
      world.townshipCodes.map((code, i) => ({ code, lat: 34.6, lng: 119.2 + i / 10, source: 'test' })),
    );
  });
  afterAll(() => t.close());

  it('has no grid until one is imported', async () => {
    expect(await summary()).toEqual({ cityCode: world.cityCode, grid: null });
  });

  it('reports every bad row by its line in Chinese and writes nothing', async () => {
    const res = await importGrid(
      [
        '纬度,经度,3岁以下人口',
        '34.60,119.20,12',
        'abc,119.21,5',
        '34.61,119.22,-3',
        '34.62,119.23,2.5',
        '39.90,116.40,8',
        '34.60,119.20,7',
        '34.63,119.24,4',
      ].join('\n'),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toBe('导入文件有5处错误，未写入任何数据');
    expect(res.json().error.details).toEqual([
      { line: 3, kind: 'lat', message: '纬度“abc”应在18到54之间（中国境内）' },
      { line: 4, kind: 'under3', message: '3岁以下人口“-3”应为0至100000之间的整数' },
      { line: 5, kind: 'under3', message: '3岁以下人口“2.5”应为0至100000之间的整数' },
      { line: 6, kind: 'outside', message: '位置（39.9, 116.4）远在本市范围之外（距各区划参考点所围范围超过20公里）' },
      { line: 7, kind: 'duplicate', message: '与第2行是同一网格单元（经纬度相同）' },
    ]);
    expect(await cells()).toEqual([]);
    expect((await summary()).grid).toBeNull();

    const header = await importGrid('lat,lng\n34.6,119.2\n');
    expect(header.json().error.details).toEqual([
      { line: 1, kind: 'header', message: '缺少列：under3（需要 lat、lng、under3，或 纬度、经度、3岁以下人口）' },
    ]);
  });

  it('refuses no file and a file over 5 MB at the file, and more cells than it computes in time', async () => {
    const boundary = '----tuoyu-test-boundary';
    const none = await t.app.inject({
      method: 'POST',
      url,
      payload: `--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, cookie: admin },
    });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: 'FILE_MISSING', message: '请选择要上传的文件' });
    const huge = await importGrid(Buffer.alloc(5 * 1024 * 1024 + 1, 'a'));
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.details).toEqual([{ path: 'file', message: '文件不能超过5 MB' }]);
    const rows = Array.from({ length: 20_001 }, (_, k) => `34.${String(k).padStart(5, '0')},119.2,1`);
    const many = await importGrid(['lat,lng,under3', ...rows].join('\n'));
    expect(many.statusCode).toBe(422);
    expect(many.json().error.details).toEqual([
      { line: 20_002, kind: 'too_many', message: '网格单元超过20000个，请合并为更粗的网格后再导入' },
    ]);
    expect(await cells()).toEqual([]);
  });

  it('refuses an under-3 count over 100,000 in a cell at its line, so the city total always fits', async () => {
    const rows = Array.from({ length: 2_200 }, (_, k) => `${(34.5 + k / 10_000).toFixed(4)},119.2,1000000`);
    const res = await importGrid(['lat,lng,under3', ...rows, '34.45,119.25,100001'].join('\n'), 'grid.csv');
    expect(res.statusCode).toBe(422);
    const details = res.json().error.details;
    expect(details).toHaveLength(2_201);
    expect(details[0]).toEqual({ line: 2, kind: 'under3', message: '3岁以下人口“1000000”应为0至100000之间的整数' });
    expect(details[2_200]).toEqual({ line: 2_202, kind: 'under3', message: '3岁以下人口“100001”应为0至100000之间的整数' });
    expect(await cells()).toEqual([]);
  });

  it('imports a grid whole, shows who and when, and a second import replaces it', async () => {
    const first = await importGrid('lat,lng,under3\n34.60,119.20,12\n34.60,119.25,30\n34.61,119.30,8\n', 'grid-2025.csv');
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      cityCode: world.cityCode,
      grid: { cells: 3, under3: 50, importedBy: { id: world.actors.admin.userId }, source: 'import:grid-2025.csv' },
    });
    // The city official reads the same summary.
    expect(await summary(world.actors.city_official.cookie)).toEqual(first.json());

    const second = await importGrid('lat,lng,under3\n34.62,119.21,5\n34.59,119.29,0\n', 'grid-2026.csv');
    expect(second.json().grid).toMatchObject({ cells: 2, under3: 5, source: 'import:grid-2026.csv' });
    expect(await cells()).toEqual([
      { lat: 34.59, lng: 119.29, under3: 0 },
      { lat: 34.62, lng: 119.21, under3: 5 },
    ]);
    const audited = await t.deps.db
      .selectFrom('audit_log')
      .select(['action', 'detail'])
      .where('entity_id', '=', world.cityCode)
      .orderBy('id')
      .execute();
    expect(audited.map((a) => a.action)).toEqual(['population_grid.import', 'population_grid.import']);
    expect(audited[1]?.detail).toEqual({ file: 'grid-2026.csv', cells: 2, under3: 5 });
  });

  it('takes imports of one city sent at once in turn: each succeeds and the grid is one file whole', async () => {
    const files = Array.from({ length: 6 }, (_, k) => `lat,lng,under3\n34.6${k},119.2${k},${k + 1}\n34.5${k},119.3${k},${k + 1}\n`);
    const answers = await Promise.all(files.map((file, k) => importGrid(file, `race-${k}.csv`)));
    expect(answers.map((a) => [a.statusCode, a.json().error?.message])).toEqual(files.map(() => [200, undefined]));
    const { grid } = await summary();
    const k = Number(/race-(\d)/.exec(grid.source)?.[1]);
    expect(grid).toMatchObject({ cells: 2, under3: 2 * (k + 1) });
    expect((await cells()).map((c) => c.under3)).toEqual([k + 1, k + 1]);
  });

  it('is removed with its cells, audited; removing none is 404', async () => {
    const removed = await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin } });
    expect(removed.json()).toEqual({ cityCode: world.cityCode, grid: null });
    expect(await cells()).toEqual([]);
    expect((await t.app.inject({ method: 'DELETE', url, headers: { cookie: admin } })).statusCode).toBe(404);
    const actions = await t.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', world.cityCode).execute();
    expect(actions.map((a) => a.action)).toContain('population_grid.remove');
  });

  it('belongs to a city: a district or an unknown code is 404; a city without reference points is told to add them', async () => {
    const district = `/api/v1/divisions/${world.districtCode}/population-grid`;
    expect((await t.app.inject({ url: district, headers: { cookie: admin } })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/divisions/319900/population-grid', headers: { cookie: admin } })).statusCode).toBe(404);

    const other = await createDistrict(t.deps.db, '他市区', '328800');
    url = `/api/v1/divisions/${other.cityCode}/population-grid`;
    const refused = await importGrid('lat,lng,under3\n34.6,119.2,3\n');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('本市区划尚无参考点，无法核对网格是否在本市范围内；请先导入乡镇参考点');
  });
});
