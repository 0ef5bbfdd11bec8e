import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { multipart } from '../../../../test/harness/multipart.ts';
import { createRoleWorld, expectRoleMatrix, type RoleWorld } from '../../../../test/harness/roles.ts';

describe.each(DIALECTS)('divisions and population on %s', (dialect) => {
  let t: TestApp;
  let world: RoleWorld;
  const importAs = (cookie: string | undefined, filename: string, content: Buffer | string, lang = 'zh-CN') => {
    const body = multipart(filename, content, 'text/csv');
    return t.app.inject({
      method: 'POST',
      url: '/api/v1/divisions/population/import',
      payload: body.payload,
      headers: { ...body.headers, ...(cookie ? { cookie } : {}), 'accept-language': lang },
    });
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    world = await createRoleWorld(t);
  });
  afterAll(() => t.close());

  it('imports a good CSV (Chinese headers too) and shows it on the division', async () => {
    const [a, b] = world.townshipCodes;
    const csv = `区划代码,年份,常住人口,3岁以下人口\n${world.districtCode},2025,"120,000",2900\n${a},2025,70000,1700\n${b},2025,50000,1200\n`;
    const res = await importAs(world.actors.admin.cookie, 'pop-2025.csv', csv);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ imported: 3 });
    const detail = await t.app.inject({ url: `/api/v1/divisions/${world.districtCode}` });
    expect(detail.json()).toMatchObject({
      code: world.districtCode,
      level: 'district',
      population: [{ year: 2025, total: 120_000, under3: 2900, isDemo: false }],
      children: [
        { code: a, population: { year: 2025, total: 70_000, under3: 1700 } },
        { code: b, population: { year: 2025, total: 50_000, under3: 1200 } },
      ],
    });
  });

  it('imports an .xlsx file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人口');
    ws.addRow(['code', 'year', 'total', 'under3']);
    ws.addRow([world.townshipCodes[0], 2024, 71_000, 1800]);
    const res = await importAs(world.actors.admin.cookie, 'pop.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(200);
    const detail = await t.app.inject({ url: `/api/v1/divisions/${world.townshipCodes[0]}` });
    expect(detail.json().population.map((p: { year: number }) => p.year)).toEqual([2024, 2025]);
  });

  it('reports every bad row with its line number and writes nothing', async () => {
    const [a] = world.townshipCodes;
    const before = await t.deps.db.selectFrom('division_population').selectAll().orderBy(['division_code', 'year']).execute();
    const csv = [
      'code,year,total,under3',
      `${a},2023,60000,1500`, // line 2: good, must not be written either
      '999999,2023,100,1', // line 3: unknown division
      `${a},20x3,100,1`, // line 4: bad year
      `${a},2022,-5,1`, // line 5: negative total
      `${a},2021,100,200`, // line 6: under-3 above total
      `${a},2023,61000,1500`, // line 7: duplicates line 2
    ].join('\n');
    const res = await importAs(world.actors.admin.cookie, 'bad.csv', csv);
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe('IMPORT_REJECTED');
    expect(body.error.message).toBe('导入文件有5处错误，未写入任何数据');
    expect(body.error.details.map((d: { line: number; kind: string }) => [d.line, d.kind])).toEqual([
      [3, 'code'],
      [4, 'year'],
      [5, 'total'],
      [6, 'under3_exceeds'],
      [7, 'duplicate'],
    ]);
    expect(body.error.details[4].message).toBe('与第2行重复（同一区划同一年份）');
    const after = await t.deps.db.selectFrom('division_population').selectAll().orderBy(['division_code', 'year']).execute();
    expect(after).toEqual(before);
  });

  it('names missing columns, in English on request', async () => {
    const res = await importAs(world.actors.admin.cookie, 'x.csv', 'code,year\n1,2', 'en');
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details[0].message).toContain('Missing columns: total, under3');
  });

  it('lets only admins import', async () => {
    await expectRoleMatrix(
      t,
      world,
      () => ({ method: 'POST', url: '/api/v1/divisions/population/import', ...multipart('p.csv', 'code,year,total,under3\n', 'text/csv') }),
      {
        anonymous: 401,
        parent: 403,
        institution_admin: 403,
        caregiver: 403,
        district_official: 403,
        city_official: 403,
        admin: 422,
      },
    );
  });

  it('keeps past figures on a merged township: the tree for a date is the tree as it was then', async () => {
    const [a, b] = world.townshipCodes as [string, string];
    // On 2026-01-01 township b is merged into a: b's row closes, history stays.
    await t.deps.db.updateTable('divisions').set({ valid_to: '2026-01-01' }).where('code', '=', b).execute();
    const before = await t.app.inject({ url: `/api/v1/divisions/${world.districtCode}?date=2025-06-30` });
    const after = await t.app.inject({ url: `/api/v1/divisions/${world.districtCode}?date=2026-06-30` });
    expect(before.json().children.map((c: { code: string }) => c.code)).toEqual([a, b]);
    expect(after.json().children.map((c: { code: string }) => c.code)).toEqual([a]);
    expect((await t.app.inject({ url: `/api/v1/divisions/${b}?date=2026-06-30` })).statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/v1/divisions/${b}?date=2025-06-30` })).json().population[0]).toMatchObject({
      year: 2025,
      total: 50_000,
    });
  });

  it('returns the tree with pinyin and initials for search', async () => {
    const res = await t.app.inject({ url: '/api/v1/divisions?date=2025-06-30' });
    expect(res.statusCode).toBe(200);
    const city = res.json().tree.find((n: { code: string }) => n.code === '329900');
    const district = city.children.find((n: { code: string }) => n.code === world.districtCode);
    expect(district).toMatchObject({ name: '测试区', pinyin: 'ce shi qu', initials: 'csq', level: 'district' });
    expect(district.children).toHaveLength(2);
  });

  it('rejects a malformed code or date with 400', async () => {
    expect((await t.app.inject({ url: '/api/v1/divisions/12ab' })).statusCode).toBe(400);
    const bad = await t.app.inject({ url: '/api/v1/divisions?date=2025-13-45' });
    expect(bad.statusCode).toBe(400);
  });
});
