import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, designateInclusive } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { upsertPopulation } from '../../geography/index.ts';

const JANUARY = new Date('2026-01-10T02:00:00Z');

/**
 * Two districts of the test city. The first is named like a formula, so every row under it carries
 * that text; its first township has 10,000 people and one inclusive institution of 35 places
 * (3.5 per 1,000: 10 places short of 4.5), its second 5,000 people and nothing.
 */
describe.each(DIALECTS)('indicators workbook on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let district: string;
  let other: string;
  let t1: string;
  let cityCookie: string;
  let districtCookie: string;

  const download = (code: string, cookie = cityCookie) =>
    t.app.inject({ url: `/api/v1/indicators.xlsx?divisionCode=${code}&date=2026-03-01`, headers: { cookie } });

  async function open(code: string) {
    const res = await download(code);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain(`indicators-${code}-2026-03-01.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    const headers = sheet.getRow(1).values as unknown[];
    const column = (header: string) => {
      const index = headers.findIndex((h) => typeof h === 'string' && h.startsWith(header));
      expect(index, header).toBeGreaterThan(0);
      return index;
    };
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2));
    const rowOf = (code: string) => rows.find((r) => r.getCell(column('区划代码')).value === code) as ExcelJS.Row;
    return { sheet, rows, column, rowOf };
  }

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    ({ cityCode: city, districtCode: district } = await createDistrict(db, '=HYPERLINK("x")'));
    other = (await createDistrict(db, '邻区')).districtCode;
    t1 = `${district}001`;
    await upsertPopulation(
      db,
      [
        { code: t1, year: 2026, total: 10_000, under3: 300, source: 'test', isDemo: false },
        { code: `${district}002`, year: 2026, total: 5_000, under3: 150, source: 'test', isDemo: false },
        { code: `${other}001`, year: 2026, total: 2_000, under3: 60, source: 'test', isDemo: false },
        { code: `${other}002`, year: 2026, total: 2_000, under3: 60, source: 'test', isDemo: false },
      ],
      new Date(),
    );
    const a = await createFiledInstitution(db, t1, 'A园', {
      classes: [
        { classType: 'toddler', capacity: 15 },
        { classType: 'older_toddler', capacity: 20 },
      ],
      filedAt: JANUARY,
    });
    await designateInclusive(db, a.id);
    cityCookie = await signIn(t.app, (await createUser(db, { role: 'city_official', divisionCode: city })).phone);
    districtCookie = await signIn(t.app, (await createUser(db, { role: 'district_official', divisionCode: district })).phone);
  });
  afterAll(() => t.close());

  it('has one row per division of the city, each under its district, with targets and gaps', async () => {
    const { rows, column, rowOf } = await open(city);
    const codes = rows.map((r) => r.getCell(column('区划代码')).value);
    expect(codes).toEqual([city, district, `${district}001`, `${district}002`, other, `${other}001`, `${other}002`]);

    const township = rowOf(t1);
    expect(township.getCell(column('市')).value).toBe('测试市');
    expect(township.getCell(column('乡镇街道 Township')).value).toBe('\'=HYPERLINK("x")第1街道');
    expect(township.getCell(column('托位数')).value).toBe(35);
    expect(township.getCell(column('千人托位数')).value).toBe(3.5);
    expect(township.getCell(column('千人托位目标')).value).toBe(4.5);
    expect(township.getCell(column('尚缺托位')).value).toBe(10);
    expect(township.getCell(column('普惠覆盖率')).value).toBe(1);
    expect(township.getCell(column('未覆盖乡镇')).value).toBe(0);

    const cityRow = rowOf(city);
    expect(cityRow.getCell(column('区县')).value).toBe('');
    expect(cityRow.getCell(column('托位数')).value).toBe(35);
    // 19,000 people need 86 places at 4.5 per 1,000; one township of four has an inclusive institution.
    expect(cityRow.getCell(column('尚缺托位')).value).toBe(51);
    expect(cityRow.getCell(column('乡镇街道数')).value).toBe(4);
    expect(cityRow.getCell(column('未覆盖乡镇')).value).toBe(3);
    expect(cityRow.getCell(column('覆盖目标')).value).toBe(1);
  });

  it('writes a division name that starts like a formula as text, never as a formula', async () => {
    const { column, rowOf } = await open(district);
    const cell = rowOf(district).getCell(column('区县'));
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe('\'=HYPERLINK("x")');
  });

  it('gives a district official their district and below, and 404 for the rest', async () => {
    expect((await download(district, districtCookie)).statusCode).toBe(200);
    expect((await download(t1, districtCookie)).statusCode).toBe(200);
    expect((await download(other, districtCookie)).statusCode).toBe(404);
    expect((await download(city, districtCookie)).statusCode).toBe(404);
    expect((await download('329999', cityCookie)).statusCode).toBe(404);
  });

  it('answers a malformed date with a 400 naming the field', async () => {
    const res = await t.app.inject({
      url: `/api/v1/indicators.xlsx?divisionCode=${city}&date=2026-02-30`,
      headers: { cookie: cityCookie },
    });
    expect(res.statusCode).toBe(400);
  });
});
