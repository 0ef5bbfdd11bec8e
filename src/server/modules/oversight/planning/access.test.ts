import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, designateInclusive } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { multipart } from '../../../../../test/harness/multipart.ts';
import { writeSetting } from '../../../platform/settings/settings.ts';
import { endDivision, insertDivisions, setReferencePoints, upsertPopulation } from '../../geography/index.ts';
import { ACCESS_KEY } from '../common/settings.ts';

/**
 * Three townships on a line of latitude 34.6: T1 at lng 119.20 with an institution of 30 places
 * beside it, T2 about 1.8 km east, T3 about 18 km east with no institution near; T4 has no point.
 */
describe.each(DIALECTS)('accessibility on %s', (dialect) => {
  let t: TestApp;
  let cookie: string;
  let district: string;
  let city: string;
  let codes: string[];

  const access = (query: string, lang = 'zh-CN') =>
    t.app.inject({ url: `/api/v1/planning/access?${query}`, headers: { cookie, 'accept-language': lang } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const created = await createDistrict(db);
    district = created.districtCode;
    city = created.cityCode;
    codes = [...created.townshipCodes, `${district}003`, `${district}004`];
    await insertDivisions(db, [
      { code: codes[2] as string, name: '远镇', parentCode: district, level: 'township' },
      { code: codes[3] as string, name: '无点镇', parentCode: district, level: 'township' },
    ]);
    const lngs = [119.2, 119.22, 119.4];
    await setReferencePoints(
      db,
      lngs.map((lng, i) => ({ code: codes[i] as string, lat: 34.6, lng, source: 'test' })),
    );
    await upsertPopulation(
      db,
      codes.map((code, i) => ({ code, year: 2026, total: 10_000, under3: [60, 40, 100, 50][i] as number, source: 'test', isDemo: false })),
      new Date(),
    );
    const near = await createFiledInstitution(db, codes[0] as string, '近园', {
      classes: [
        { classType: 'toddler', capacity: 15 },
        { classType: 'toddler', capacity: 15 },
      ],
      location: { lat: 34.6, lng: 119.201 },
      filedAt: new Date('2026-01-10T02:00:00Z'),
    });
    await designateInclusive(db, near.id);
    cookie = await signIn(t.app, (await createUser(db, { role: 'city_official', divisionCode: created.cityCode })).phone);
  });
  afterAll(() => t.close());

  it('shares the places among the children within reach (2SFCA) and names the desert', async () => {
    const res = await access(`divisionCode=${district}&method=2sfca&catchmentKm=3`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      method: '2sfca',
      catchmentKm: 3,
      weights: { kind: 'flat' },
      supplyCounted: 30,
      desertThresholdPer100: 33,
    });
    // 30 places over the 60 + 40 children of T1 and T2: 30 per 100 each, below 33.
    expect(body.points).toEqual([
      expect.objectContaining({ divisionCode: codes[0], under3: 60, accessPer100: 30, placesInReach: 30 }),
      expect.objectContaining({ divisionCode: codes[1], under3: 40, accessPer100: 30, placesInReach: 30 }),
      expect.objectContaining({ divisionCode: codes[2], under3: 100, accessPer100: 0, placesInReach: 0 }),
    ]);
    // Where each township sits on the map and what it holds: 30 places for 10,000 people is 3 per 1,000.
    expect(body.points.map((p: Record<string, unknown>) => [p.lat, p.lng, p.places, p.placesPer1000, p.coveredByInclusive])).toEqual([
      [34.6, 119.2, 30, 3, true],
      [34.6, 119.22, 0, 0, false],
      [34.6, 119.4, 0, 0, false],
    ]);
    expect(body.points[2].nearestInstitutions[0]).toMatchObject({ name: '近园' });
    expect(body.points[2].nearestInstitutions[0].km).toBeGreaterThan(17);
    expect(body.deserts).toEqual([codes[0], codes[1], codes[2]]);
    expect(body.unlocated).toEqual([codes[3]]);
    const shared = body.points.reduce(
      (sum: number, p: { under3: number; accessPer100: number }) => sum + (p.under3 * p.accessPer100) / 100,
      0,
    );
    expect(shared).toBeCloseTo(body.supplyCounted, 6);
  });

  it('weighs distance with E2SFCA: the nearer township gets more, and the steps stretch with the catchment', async () => {
    const body = (await access(`divisionCode=${district}&method=e2sfca`)).json();
    expect(body.weights.steps).toEqual([
      { upToKm: 1, weight: 1 },
      { upToKm: 2, weight: 0.68 },
      { upToKm: 3, weight: 0.22 },
    ]);
    const [near, next] = body.points;
    expect(near.accessPer100).toBeGreaterThan(next.accessPer100);
    // R = 30 / (60 × 1 + 40 × 0.68); A1 = R × 100, A2 = R × 0.68 × 100
    expect(near.accessPer100).toBeCloseTo((30 / (60 + 40 * 0.68)) * 100, 2);
    expect(next.accessPer100).toBeCloseTo((30 / (60 + 40 * 0.68)) * 68, 2);
    const wide = (await access(`divisionCode=${district}&method=e2sfca&catchmentKm=6`)).json();
    expect(wide.weights.steps.map((s: { upToKm: number }) => s.upToKm)).toEqual([2, 4, 6]);
    expect((await access(`divisionCode=${district}&method=e2sfca&decay=gaussian`)).json().weights).toEqual({ kind: 'gaussian' });
  });

  it('follows the threshold setting and refuses bad input', async () => {
    await writeSetting(t.deps.db, ACCESS_KEY, { desertThresholdPer100: 25 }, new Date());
    const body = (await access(`divisionCode=${district}&method=2sfca&catchmentKm=3`)).json();
    expect(body.deserts).toEqual([codes[2]]);
    expect((await access(`divisionCode=${district}&method=3sfca`)).statusCode).toBe(400);
    expect((await access(`divisionCode=${district}&catchmentKm=-1`)).statusCode).toBe(400);
    expect((await access('divisionCode=329998')).statusCode).toBe(404);
  });

  it('by population grid: 409 until the city has one; then each cell counts for the township with the nearest point', async () => {
    const none = await access(`divisionCode=${district}&demand=grid`);
    expect(none.statusCode).toBe(409);
    expect(none.json().error.message).toBe('本市尚未导入人口网格，请按乡镇计算，或请管理员先导入人口网格');
    expect((await access(`divisionCode=${district}`)).json()).toMatchObject({ demand: 'townships', gridAvailable: false });

    // A neighbouring district of the same city, its township at lng 119.60.
    const neighbour = await createDistrict(t.deps.db, '邻区', city);
    await setReferencePoints(t.deps.db, [{ code: neighbour.townshipCodes[0] as string, lat: 34.6, lng: 119.6, source: 'test' }]);
    const admin = await signIn(t.app, (await createUser(t.deps.db, { role: 'admin' })).phone);
    const grid = [
      'lat,lng,under3',
      '34.6,119.2,60', // T1, beside the institution
      '34.6,119.215,40', // nearer T2's point than T1's; 1.3 km from the institution
      '34.6,119.26,50', // T2, 5 km from the institution
      '34.6,119.45,20', // T3
      '34.6,119.58,500', // the neighbour's township: not the district's
    ].join('\n');
    const body = multipart('grid.csv', grid, 'text/csv');
    const imported = await t.app.inject({
      method: 'POST',
      url: `/api/v1/divisions/${city}/population-grid`,
      payload: body.payload,
      headers: { ...body.headers, cookie: admin },
    });
    expect(imported.statusCode, imported.body).toBe(200);

    const res = await access(`divisionCode=${district}&method=2sfca&catchmentKm=3&demand=grid`);
    expect(res.statusCode).toBe(200);
    const answer = res.json();
    expect(answer).toMatchObject({ demand: 'grid', gridAvailable: true, supplyCounted: 30 });
    // 30 places over the 100 children of the two cells within 3 km: 30 per 100 each.
    expect(answer.cells).toEqual([
      { lat: 34.6, lng: 119.2, under3: 60, accessPer100: 30 },
      { lat: 34.6, lng: 119.215, under3: 40, accessPer100: 30 },
      { lat: 34.6, lng: 119.26, under3: 50, accessPer100: 0 },
      { lat: 34.6, lng: 119.45, under3: 20, accessPer100: 0 },
    ]);
    // T2: (40 × 30 + 50 × 0) / 90; the threshold is 25 since the test before.
    expect(
      answer.points.map((p: { divisionCode: string; under3: number; accessPer100: number }) => [p.divisionCode, p.under3, p.accessPer100]),
    ).toEqual([
      [codes[0], 60, 30],
      [codes[1], 90, 13.33],
      [codes[2], 20, 0],
    ]);
    expect(answer.points[0]).toMatchObject({ lat: 34.6, lng: 119.2, placesInReach: 30 });
    expect(answer.deserts).toEqual([codes[1], codes[2]]);
    expect(answer.childrenInDeserts).toBe(70);
    const shared = answer.points.reduce(
      (sum: number, p: { under3: number; accessPer100: number }) => sum + (p.under3 * p.accessPer100) / 100,
      0,
    );
    expect(shared).toBeCloseTo(answer.supplyCounted, 1);

    // By township the answer is as before, with the points' places and the children in its deserts.
    const byTownship = (await access(`divisionCode=${district}&method=2sfca&catchmentKm=3`)).json();
    expect(byTownship).toMatchObject({ demand: 'townships', gridAvailable: true, childrenInDeserts: 100 });
    expect(byTownship.cells).toBeUndefined();
    expect(byTownship.points[1]).toMatchObject({ divisionCode: codes[1], lat: 34.6, lng: 119.22, under3: 40 });
  });

  // As the indicators count it: an institution filed under a township merged in from another
  // district counts in the township that took it over.
  it('counts an institution of a township merged in from another district where the indicators count it', async () => {
    const away = (await createDistrict(t.deps.db, '并入区', city)).townshipCodes[0] as string;
    await createFiledInstitution(t.deps.db, away, '并入园', {
      classes: [{ classType: 'toddler', capacity: 12 }],
      location: { lat: 34.6, lng: 119.202 },
      filedAt: new Date('2026-01-10T02:00:00Z'),
    });
    await endDivision(t.deps.db, away, '2026-11-01', codes[0] as string);
    const places = (await t.app.inject({ url: `/api/v1/indicators?divisionCode=${district}`, headers: { cookie } })).json().places;
    const res = await access(`divisionCode=${district}&method=2sfca&catchmentKm=3`);
    expect(res.json()).toMatchObject({ supplyCounted: places });
    expect(places).toBe(42);
  });
});
