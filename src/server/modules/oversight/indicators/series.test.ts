import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { createEnrolledChild } from '../../../../../test/harness/factories/enrollments.ts';
import { createDistrict } from '../../../../../test/harness/factories/geography.ts';
import { createFiledInstitution } from '../../../../../test/harness/factories/institutions.ts';
import { createUser, signIn } from '../../../../../test/harness/factories/users.ts';

/**
 * One township through 2026, month ends worked out by hand:
 *   A, 20 places: filed 10 January, suspended 15 March, reinstated 10 May, closed 20 July;
 *     one child from 15 January, never leaving.
 *   B, 15 places: filed 2 April, inclusive from 1 June to 31 July; a child from 20 April to
 *     30 June, one on 31 May only, one from 1 July.
 */
describe.each(DIALECTS)('indicator series on %s', (dialect) => {
  let t: TestApp;
  let district: string;
  let cookie: string;

  const get = (url: string) => t.app.inject({ url, headers: { cookie } });

  beforeAll(async () => {
    t = await buildTestApp(dialect);
    const db = t.deps.db;
    const { cityCode, districtCode, townshipCodes } = await createDistrict(db);
    district = districtCode;
    const township = townshipCodes[0] as string;
    cookie = await signIn(t.app, (await createUser(db, { role: 'city_official', divisionCode: cityCode })).phone);
    const official = await signIn(t.app, (await createUser(db, { role: 'district_official', divisionCode: district })).phone);
    const a = await createFiledInstitution(db, township, 'A园', {
      classes: [{ classType: 'toddler', capacity: 20 }],
      filedAt: new Date('2026-01-10T02:00:00Z'),
    });
    const b = await createFiledInstitution(db, township, 'B园', {
      classes: [{ classType: 'toddler', capacity: 15 }],
      filedAt: new Date('2026-04-02T02:00:00Z'),
    });
    await db
      .insertInto('institution_designations')
      .values({
        institution_id: b.id,
        kind: 'inclusive',
        granted_on: '2026-05-20',
        document: '测试〔2026〕6号',
        valid_from: '2026-06-01',
        valid_to: '2026-07-31',
        cap_toddler_fen: 250_000,
      })
      .execute();
    for (const [day, action] of [
      ['2026-03-15', 'suspend'],
      ['2026-05-10', 'reinstate'],
      ['2026-07-20', 'close'],
    ] as const) {
      t.clock.set(new Date(`${day}T02:00:00Z`));
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/v1/institutions/${a.id}/transitions`,
        headers: { cookie: official },
        payload: { action, reason: '测试' },
      });
      expect(res.statusCode).toBe(200);
    }
    t.clock.set(new Date('2026-11-29T02:00:00Z'));
    const place = (institution: typeof a, startDate: string, endDate: string | null = null) =>
      createEnrolledChild(db, { institutionId: institution.id, classId: institution.classIds[0] as string, startDate, endDate });
    await place(a, '2026-01-15');
    await place(b, '2026-04-20', '2026-06-30');
    await place(b, '2026-05-31', '2026-05-31');
    await place(b, '2026-07-01');
  });
  afterAll(() => t.close());

  it('counts each month end the institutions operating and the places held that day', async () => {
    const res = await get(`/api/v1/indicators/series?divisionCode=${district}&from=2026-01&to=2026-08`);
    expect(res.statusCode).toBe(200);
    const figures = res
      .json()
      .points.map((p: { month: string; values: Record<string, number> }) => [
        p.month,
        p.values.places,
        p.values.inclusivePlaces,
        p.values.enrolled,
        p.values.townshipsWithInclusive,
      ]);
    expect(figures).toEqual([
      ['2026-01', 20, 0, 1, 0],
      ['2026-02', 20, 0, 1, 0],
      ['2026-03', 0, 0, 0, 0],
      ['2026-04', 15, 0, 1, 0],
      ['2026-05', 35, 0, 3, 0],
      ['2026-06', 35, 15, 2, 1],
      ['2026-07', 15, 15, 1, 1],
      ['2026-08', 15, 0, 1, 0],
    ]);
  });

  it('gives for each month the values the indicators give for its last day', async () => {
    const res = await get(`/api/v1/indicators/series?divisionCode=${district}&from=2025-12&to=2026-09`);
    for (const point of res.json().points) {
      const single = await get(`/api/v1/indicators?divisionCode=${district}&date=${point.asOf}`);
      const { asOf, children, targets, ...values } = single.json();
      expect(point.values).toEqual(values);
    }
  });
});
