import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createPopulatedDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, designateInclusive } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';

describe.each(DIALECTS)('what-if scenarios on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let district: string;
  let t1: string;
  let t2: string;
  let cookie: string;
  let otherCookie: string;

  const send = (method: 'GET' | 'POST', url: string, as = cookie, payload?: object) =>
    t.app.inject({ method, url, headers: { cookie: as }, ...(payload ? { payload } : {}) });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    ({ cityCode: city, districtCode: district } = await createPopulatedDistrict(db, [
      [10_000, 300],
      [5_000, 150],
    ]));
    [t1, t2] = [`${district}001`, `${district}002`];
    const filedAt = new Date('2026-01-10T02:00:00Z');
    const a = await createFiledInstitution(db, t1, 'A园', { classes: [{ classType: 'older_toddler', capacity: 20 }], filedAt });
    await designateInclusive(db, a.id);
    await createFiledInstitution(db, t2, 'B园', { classes: [{ classType: 'toddler', capacity: 15 }], filedAt });
    cookie = await signIn(t.app, (await createUser(db, { role: 'district_official', divisionCode: district })).phone);
    otherCookie = await signIn(t.app, (await createUser(db, { role: 'city_official', divisionCode: city })).phone);
  });
  afterAll(() => t.close());

  it('adding exactly the places needed, inclusive, brings a township to the target and covers it; only it and its ancestors move', async () => {
    const real = (await send('GET', `/api/v1/indicators?divisionCode=${district}`)).json();
    const needed = real.children[1].placesNeeded;
    expect(needed).toBe(8); // ceil(4.5 × 5,000 / 1,000) = 23, minus 15

    const res = await send('POST', '/api/v1/planning/scenarios', cookie, {
      divisionCode: district,
      name: '二街道补足托位',
      changes: [{ townshipCode: t2, places: needed, inclusive: true }],
    });
    expect(res.statusCode).toBe(201);
    const { before, after, id } = res.json();
    const [b1, b2] = before.indicators.children;
    const [a1, a2] = after.indicators.children;
    expect(b2).toMatchObject({ places: 15, placesNeeded: 8, townshipsWithInclusive: 0 });
    expect(a2).toMatchObject({ places: 23, placesNeeded: 0, placesPer1000: 4.6, townshipsWithInclusive: 1, townshipCoverage: 1 });
    expect(a1).toEqual(b1);
    expect(after.indicators).toMatchObject({ places: before.indicators.places + 8, townshipsWithInclusive: 2, townshipCoverage: 1 });
    expect(after.indicators.population).toBe(before.indicators.population);

    // Real data did not change, and the scenario is listed for its owner only.
    expect((await send('GET', `/api/v1/indicators?divisionCode=${district}`)).json()).toEqual(real);
    const mine = (await send('GET', '/api/v1/planning/scenarios')).json().scenarios;
    expect(mine.map((s: { id: string }) => s.id)).toEqual([id]);
    expect(mine[0].after.indicators.children[1].placesNeeded).toBe(0);
    expect((await send('GET', '/api/v1/planning/scenarios', otherCookie)).json().scenarios).toEqual([]);
  });

  it('refuses a township outside the division and a division outside the caller’s scope', async () => {
    const outside = await send('POST', '/api/v1/planning/scenarios', cookie, {
      divisionCode: t1,
      name: '错',
      changes: [{ townshipCode: t2, places: 5, inclusive: false }],
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error.details[0].path).toBe('body.changes.0.townshipCode');
    const other = await send('POST', '/api/v1/planning/scenarios', cookie, {
      divisionCode: city,
      name: '全市',
      changes: [{ townshipCode: t2, places: 5, inclusive: false }],
    });
    expect(other.statusCode).toBe(404);
  });
});
