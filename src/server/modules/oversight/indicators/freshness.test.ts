import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createPopulatedDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution, designateInclusive, markFiled } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';
import { recordQueries } from '../../../../../test/harness/queries.ts';
import { buildApp } from '../../../app.ts';
import { openPostgres } from '../../../db/connect.ts';
import { endDivision, upsertPopulation } from '../../geography/index.ts';

const JANUARY = new Date('2026-01-10T02:00:00Z');
/** The tables an answer is computed from; a cached answer reads none of them. */
const INPUTS = /\b(divisions|division_population|filed_institutions|institution_classes|institution_designations|enrolments)\b/;

/**
 * Indicators are answered from memory while their inputs stand still: each case shows the answer
 * served without reading an input, then one write, then that write in the very next answer.
 */
describe.each(DIALECTS)('fresh indicators from the cache on %s', (dialect) => {
  let t: TestApp;
  let city: string;
  let district: string;
  let t1: string;
  let t2: string;
  let cityCookie: string;
  let districtCookie: string;
  let a: Awaited<ReturnType<typeof createFiledInstitution>>;

  /** The answer, and whether it read any input (false: served from the cache). */
  const answer = async (url: string) => {
    const { result: res, queries } = await recordQueries(t, () => t.app.inject({ url, headers: { cookie: cityCookie } }));
    expect(res.statusCode).toBe(200);
    return { body: res.json(), readInputs: queries.some((q) => INPUTS.test(q)) };
  };
  const transition = (payload: object) =>
    t.app.inject({ method: 'POST', url: `/api/v1/institutions/${a.id}/transitions`, headers: { cookie: districtCookie }, payload });
  const indicators = (code: string) => `/api/v1/indicators?divisionCode=${code}`;

  /** The district's answer, asked twice: the second comes from the cache, unchanged. */
  const cachedDistrict = async () => {
    const first = await answer(indicators(district));
    const second = await answer(indicators(district));
    expect(second).toEqual({ body: first.body, readInputs: false });
    return second.body;
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    ({ cityCode: city, districtCode: district } = await createPopulatedDistrict(db, [
      [10_000, 300],
      [5_000, 150],
    ]));
    [t1, t2] = [`${district}001`, `${district}002`];
    a = await createFiledInstitution(db, t1, 'A园', { classes: [{ classType: 'toddler', capacity: 15 }], filedAt: JANUARY });
    await createFiledInstitution(db, t2, 'B园', { classes: [{ classType: 'toddler', capacity: 10 }], filedAt: JANUARY });
    cityCookie = await signIn(t.app, (await createUser(db, { role: 'city_official', divisionCode: city })).phone);
    districtCookie = await signIn(t.app, (await createUser(db, { role: 'district_official', divisionCode: district })).phone);
  });
  afterAll(() => t.close());

  it('counts a filing in the next answer', async () => {
    const before = await cachedDistrict();
    await createFiledInstitution(t.deps.db, t1, 'C园', { classes: [{ classType: 'older_toddler', capacity: 20 }], filedAt: JANUARY });
    expect((await answer(indicators(district))).body.places).toBe(before.places + 20);
  });

  it('counts a filing in the next public answer too', async () => {
    const url = `/api/v1/public/indicators?divisionCode=${city}`;
    const before = (await answer(url)).body;
    expect(await answer(url)).toEqual({ body: before, readInputs: false });
    await createFiledInstitution(t.deps.db, t2, 'D园', { classes: [{ classType: 'toddler', capacity: 12 }], filedAt: JANUARY });
    expect((await answer(url)).body.places).toBe(before.places + 12);
  });

  it('drops a suspended institution from the next answer, and counts it again once reinstated', async () => {
    const before = await cachedDistrict();
    expect((await transition({ action: 'suspend', reason: '检查' })).statusCode).toBe(200);
    expect((await answer(indicators(district))).body.places).toBe(before.places - 15);
    expect((await transition({ action: 'reinstate', reason: '整改完成' })).statusCode).toBe(200);
    expect((await answer(indicators(district))).body.places).toBe(before.places);
  });

  it('counts a re-filed class capacity in the next answer', async () => {
    const before = await cachedDistrict();
    await t.deps.db
      .updateTable('institution_classes')
      .set({ capacity: 20 })
      .where('id', '=', a.classIds[0] as string)
      .execute();
    await markFiled(t.deps.db, a.id, t1, JANUARY);
    expect((await answer(indicators(district))).body.places).toBe(before.places + 5);
  });

  it('counts an enrolment in the next answer', async () => {
    const before = await cachedDistrict();
    await createEnrolledChild(t.deps.db, { institutionId: a.id, classId: a.classIds[0] as string, startDate: '2026-09-01' });
    expect((await answer(indicators(district))).body.enrolled).toBe(before.enrolled + 1);
  });

  it('counts an inclusive designation in the next answer', async () => {
    const before = await cachedDistrict();
    expect(before.townshipsWithInclusive).toBe(0);
    await designateInclusive(t.deps.db, a.id);
    const after = (await answer(indicators(district))).body;
    expect([after.inclusivePlaces, after.townshipsWithInclusive]).toEqual([20, 1]);
  });

  it('uses a new population figure in the next answer', async () => {
    const before = await cachedDistrict();
    await upsertPopulation(t.deps.db, [{ code: t2, year: 2026, total: 7_000, under3: 200, source: 'test', isDemo: false }], new Date());
    const after = (await answer(indicators(district))).body;
    expect(after.population).toBe(before.population + 2_000);
  });

  it('uses the city’s new target in the next answer', async () => {
    const before = await cachedDistrict();
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/oversight/settings',
      headers: { cookie: cityCookie },
      payload: {
        targets: { placesPer1000: 9, townshipCoverage: 1 },
        access: { catchmentKm: 3, steps: [{ upToKm: 3, weight: 1 }], desertThresholdPer100: 33 },
      },
    });
    expect(res.statusCode).toBe(200);
    const after = (await answer(indicators(district))).body;
    expect(after.targets.placesPer1000).toBe(9);
    expect(after.placesNeeded).toBe(Math.max(0, Math.ceil((9 * before.population) / 1000) - before.places));
  });

  it('rolls a merged township into its successor in the next answer', async () => {
    const before = await cachedDistrict();
    expect(before.children).toHaveLength(2);
    await endDivision(t.deps.db, t2, '2026-06-01', t1);
    const after = (await answer(indicators(district))).body;
    expect(after.townships).toBe(1);
    expect(after.children.map((c: { divisionCode: string }) => c.divisionCode)).toEqual([t1]);
    expect(after.children[0].places).toBe(before.places);
  });

  // PostgreSQL only: PGlite is one process's embedded database.
  if (dialect === 'postgres')
    it('shows a write through one server in the next answer of another on the same database', async () => {
      const second = await openPostgres(t.database.postgres as NonNullable<typeof t.database.postgres>);
      const other = await buildApp({ ...t.deps, database: second, db: second.db });
      try {
        const ask = async () => (await other.inject({ url: indicators(district), headers: { cookie: cityCookie } })).json();
        const before = await ask();
        expect(await ask()).toEqual(before);
        expect((await transition({ action: 'suspend', reason: '检查' })).statusCode).toBe(200);
        expect((await ask()).places).toBe(before.places - 20);
      } finally {
        await other.close();
        await second.close();
      }
    });
});
