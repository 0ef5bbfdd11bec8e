import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import {
  completeInstitution,
  createFiledInstitution,
  createInstitution,
  designateInclusive,
} from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { recordQueries } from '../../../../../test/harness/queries.ts';
import { applicableChecklist } from '../../../../domain/institutions/filingChecklist.ts';
import { endDivision, upsertPopulation } from '../../geography/index.ts';

const JANUARY = new Date('2026-01-10T02:00:00Z');

/**
 * A district of two townships, figures worked out by hand:
 *   T1: population 10,000 (2026; 9,000 in 2025), under 3: 300; institution A, 35 places, inclusive,
 *       3 children enrolled from 1 September.
 *   T2: population 5,000 (2025 only), under 3: 150; institution B, 15 places, 1 child enrolled from
 *       1 September and 1 who left on 31 October; institution C, 10 places, filed on 1 June.
 */
describe.each(DIALECTS)('indicators on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let district: string;
  let t1: string;
  let t2: string;
  let cityCookie: string;
  let districtCookie: string;

  const get = (url: string, cookie = cityCookie, lang = 'zh-CN') => t.app.inject({ url, headers: { cookie, 'accept-language': lang } });
  const indicators = async (code: string, date?: string) => {
    const res = await get(`/api/v1/indicators?divisionCode=${code}${date ? `&date=${date}` : ''}`);
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    ({ cityCode: city, districtCode: district } = await createDistrict(db));
    [t1, t2] = [`${district}001`, `${district}002`];
    await upsertPopulation(
      db,
      [
        { code: t1, year: 2025, total: 9_000, under3: 280, source: 'test', isDemo: false },
        { code: t1, year: 2026, total: 10_000, under3: 300, source: 'test', isDemo: false },
        { code: t2, year: 2025, total: 5_000, under3: 150, source: 'test', isDemo: false },
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
    const b = await createFiledInstitution(db, t2, 'B园', { classes: [{ classType: 'toddler', capacity: 15 }], filedAt: JANUARY });
    await createFiledInstitution(db, t2, 'C园', {
      classes: [{ classType: 'toddler', capacity: 10 }],
      filedAt: new Date('2026-06-01T02:00:00Z'),
    });
    for (let i = 0; i < 3; i++) await createEnrolledChild(db, { institutionId: a.id, classId: a.classIds[0] as string });
    await createEnrolledChild(db, { institutionId: b.id, classId: b.classIds[0] as string });
    await createEnrolledChild(db, { institutionId: b.id, classId: b.classIds[0] as string, endDate: '2026-10-31' });
    cityCookie = await signIn(t.app, (await createUser(db, { role: 'city_official', divisionCode: city })).phone);
    districtCookie = await signIn(t.app, (await createUser(db, { role: 'district_official', divisionCode: district })).phone);
  });
  afterAll(() => t.close());

  it('gives the district and its townships as computed by hand', async () => {
    const body = await indicators(district, '2026-11-29');
    expect(body).toMatchObject({
      divisionCode: district,
      level: 'district',
      asOf: '2026-11-29',
      population: 15_000,
      under3Population: 450,
      places: 60,
      placesPer1000: 4,
      inclusivePlaces: 35,
      inclusiveShare: 0.5833,
      enrolled: 4,
      occupancy: 0.0667,
      enrolmentRate: 0.0089,
      townships: 2,
      townshipsWithInclusive: 1,
      townshipCoverage: 0.5,
      placesNeeded: 8, // ceil(4.5 × 15,000 / 1,000) = 68, minus 60
      targets: { placesPer1000: 4.5, townshipCoverage: 1 },
    });
    expect(body.children).toEqual([
      expect.objectContaining({
        divisionCode: t1,
        population: 10_000,
        places: 35,
        placesPer1000: 3.5,
        placesNeeded: 10,
        townshipCoverage: 1,
        enrolled: 3,
        enrolmentRate: 0.01,
      }),
      expect.objectContaining({
        divisionCode: t2,
        population: 5_000,
        places: 25,
        placesPer1000: 5,
        placesNeeded: 0,
        townshipCoverage: 0,
        inclusiveShare: 0,
        enrolled: 1,
        occupancy: 0.04,
      }),
    ]);
  });

  it('counts for a past date only what was there: population of that year, institutions filed, children enrolled', async () => {
    const march = await indicators(district, '2026-03-31');
    expect(march).toMatchObject({ places: 50, enrolled: 0, population: 15_000 });
    const october = await indicators(district, '2026-10-15');
    expect(october).toMatchObject({ places: 60, enrolled: 5 });
    const lastYear = await indicators(t1, '2025-12-31');
    expect(lastYear).toMatchObject({ population: 9_000, places: 0, placesNeeded: 41, placesPer1000: 0 });
  });

  it('rolls the city up from its districts and defaults to today', async () => {
    const body = await indicators(city);
    expect(body).toMatchObject({ level: 'city', asOf: '2026-11-29', places: 60, population: 15_000 });
    expect(body.children.map((c: { divisionCode: string }) => c.divisionCode)).toEqual([district]);
  });

  it('a filing changes the city figure at once', async () => {
    const db = t.deps.db;
    const before = (await indicators(city)).places;
    const institution = await createInstitution(db, t1, '新苗托育园');
    await completeInstitution(db, institution.id, { classes: [{ classType: 'older_toddler', capacity: 20 }] });
    const director = await signIn(t.app, (await createUser(db, { role: 'institution_admin', institutionId: institution.id })).phone);
    const act = (cookie: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/v1/institutions/${institution.id}/transitions`, headers: { cookie }, payload });
    expect((await act(director, { action: 'submit' })).statusCode).toBe(200);
    expect((await act(districtCookie, { action: 'start_review' })).statusCode).toBe(200);
    expect((await indicators(city)).places).toBe(before);
    const checklist = Object.fromEntries(applicableChecklist(false).map((c) => [c.item, true]));
    expect((await act(districtCookie, { action: 'file', checklist })).statusCode).toBe(200);
    expect((await indicators(city)).places).toBe(before + 20);

    expect((await act(districtCookie, { action: 'suspend', reason: '整改' })).statusCode).toBe(200);
    expect((await indicators(city)).places).toBe(before);
  });

  it('keeps earlier figures when two townships merge', async () => {
    const march = await indicators(district, '2026-03-31');
    await endDivision(t.deps.db, t2, '2026-11-01', t1);
    expect(await indicators(district, '2026-03-31')).toEqual(march);
    const after = await indicators(district, '2026-11-29');
    expect(after.children.map((c: { divisionCode: string }) => c.divisionCode)).toEqual([t1]);
    expect(after.children[0]).toMatchObject({ places: 60, townships: 1, townshipCoverage: 1 });
    expect(after).toMatchObject({ places: 60, townships: 1, townshipsWithInclusive: 1 });
    expect((await get(`/api/v1/indicators?divisionCode=${t2}&date=2026-11-29`)).statusCode).toBe(404);
    expect((await get(`/api/v1/indicators?divisionCode=${t2}&date=2026-10-31`)).statusCode).toBe(200);
  });

  it('gives monthly values as of each month end', async () => {
    const res = await get(`/api/v1/indicators/series?divisionCode=${t1}&from=2025-12&to=2026-02`);
    expect(res.statusCode).toBe(200);
    expect(res.json().points).toEqual([
      expect.objectContaining({ month: '2025-12', asOf: '2025-12-31', values: expect.objectContaining({ places: 0, population: 9_000 }) }),
      expect.objectContaining({
        month: '2026-01',
        asOf: '2026-01-31',
        values: expect.objectContaining({ places: 35, population: 10_000 }),
      }),
      expect.objectContaining({ month: '2026-02', asOf: '2026-02-28', values: expect.objectContaining({ places: 35 }) }),
    ]);
  });

  it('answers the public with aggregates of the city and its districts only', async () => {
    const res = await t.app.inject({ url: `/api/v1/public/indicators?divisionCode=${city}` });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(
      [
        'asOf',
        'children',
        'divisionCode',
        'inclusiveShare',
        'level',
        'name',
        'places',
        'placesPer1000',
        'targets',
        'townshipCoverage',
      ].sort(),
    );
    expect(body.children).toHaveLength(1);
    expect((await t.app.inject({ url: `/api/v1/public/indicators?divisionCode=${t1}` })).statusCode).toBe(404);
  });

  it.each([
    ['an unknown division', 'divisionCode=329999', 404, null],
    [
      'a malformed code',
      'divisionCode=12',
      400,
      ['querystring.divisionCode', '区划代码应为6位或9位数字', 'A division code has 6 or 9 digits'],
    ],
    [
      'no such day',
      'divisionCode=329900&date=2026-02-30',
      400,
      ['querystring.date', '日期格式应为 YYYY-MM-DD', 'Dates are written YYYY-MM-DD'],
    ],
  ] as const)('refuses %s', async (_, query, status, detail) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const res = await get(`/api/v1/indicators?${query.replace('329900', city)}`, cityCookie, lang);
      expect(res.statusCode).toBe(status);
      if (detail) expect(res.json().error.details).toEqual([{ path: detail[0], message: lang === 'en' ? detail[2] : detail[1] }]);
    }
  });

  it("answers 404 for a division not in the tree that day, or out of the caller's scope, without reading any subtree", async () => {
    const { queries } = await recordQueries(t, async () => {
      expect((await get('/api/v1/indicators?divisionCode=329999')).statusCode).toBe(404);
      expect((await get(`/api/v1/indicators?divisionCode=${t2}`)).statusCode).toBe(404);
      expect((await get(`/api/v1/indicators?divisionCode=${city}`, districtCookie)).statusCode).toBe(404);
      expect((await get(`/api/v1/planning/access?divisionCode=${city}`, districtCookie)).statusCode).toBe(404);
    });
    const subtreeReads = queries.flatMap((q) => q.match(/"(filed_institutions|division_population|enrolments)"/)?.[1] ?? []);
    expect(subtreeReads).toEqual([]);
  });

  it.each([
    ['a series of more than 60 months', 'from=2020-01&to=2025-01', 'querystring.to', 'Ask for at most 60 months at a time'],
    ['months in the wrong order', 'from=2026-03&to=2026-01', 'querystring.to', 'The last month cannot be before the first'],
    ['a malformed month', 'from=2026-13&to=2026-12', 'querystring.from', 'Months are written YYYY-MM'],
  ])('refuses %s', async (_, query, path, message) => {
    const res = await get(`/api/v1/indicators/series?divisionCode=${district}&${query}`, cityCookie, 'en');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ path, message }]);
  });

  // Each answer reads only the institutions filed inside the division asked about, and those filed
  // under an ended code whose successor lies inside it, wherever that code was.
  it('counts institutions of a township merged in from another city under their new township', async () => {
    const db = t.deps.db;
    const { townshipCodes } = await createDistrict(db, '外区', '329800');
    const away = townshipCodes[0] as string;
    await createFiledInstitution(db, away, '外来园', { classes: [{ classType: 'toddler', capacity: 12 }], filedAt: JANUARY });
    const [districtBefore, townshipBefore] = [(await indicators(district)).places, (await indicators(t1)).places];
    await endDivision(db, away, '2026-11-15', t1);
    expect((await indicators(district)).places).toBe(districtBefore + 12);
    expect((await indicators(t1)).places).toBe(townshipBefore + 12);
    expect((await indicators(district, '2026-11-14')).places).toBe(districtBefore);
  });

  it('gives in a series, over the mergers, the values the indicators give for each month end', async () => {
    const res = await get(`/api/v1/indicators/series?divisionCode=${district}&from=2025-11&to=2026-11`);
    expect(res.statusCode).toBe(200);
    const points = res.json().points;
    expect(points).toHaveLength(13);
    for (const point of points) {
      const { asOf, children, targets, ...values } = await indicators(district, point.asOf);
      expect(point.values).toEqual(values);
    }
  });
});
