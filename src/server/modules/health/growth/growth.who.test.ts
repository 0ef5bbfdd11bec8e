// The WHO numbers through HTTP: the calculator must equal WHO's own software to 2 decimals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../../test/harness/db.ts';
import { addDaysIso } from '../../../../domain/dates/shanghai.ts';
import { normalCdf } from '../../../../domain/growth/normal.ts';
import { handRestrictedZ, handSd, handZ, rawRow } from '../../../../domain/growth/rawWho.testkit.ts';

const months = (m: number) => m * 30.4375;

// Output of WHO's igrowup macro for its sample survey, as kept by UNICEF in
// github.com/unicef-drp/igrowup_update, mysurvey_z_st.xls (tab-separated text) at commit
// 5c05a42d4cdd32ce57ea1425ae826b1baeabe55c: age from its _agedays column, measure l/h, then
// _zlen, _zwei, _zhc, _zwfl, _zbmi. Chosen for the tails beyond ±3, the 0.7 cm adjustments,
// a height outside the weight-for-height table (287) and weight-only rows. Rows at 60 months
// or more are left out: igrowup scored them, WHO Anthro (anthro 1.1.0) does not.
type Row = [
  id: number,
  days: number,
  sex: 1 | 2,
  measure: 'l' | 'h' | '',
  cm: number | null,
  kg: number | null,
  head: number | null,
  z: (number | null)[],
];
const IGROWUP: Row[] = [
  [1, 683, 2, 'l', 84.8, 10.4, null, [-0.07, -0.57, null, -0.81, -0.79]],
  [7, 868, 1, 'l', 85.9, 12.9, null, [-1.69, -0.08, null, 1.16, 1.43]],
  [12, 96, 2, 'l', 59.3, 6.5, 39, [-0.42, 0.71, -0.57, 1.41, 1.29]],
  [51, 748, 1, '', null, 12.5, null, [null, 0.16, null, null, null]],
  [54, 0, 2, 'l', 51.9, 4.2, 36.8, [1.48, 1.94, 2.47, 1.17, 1.68]],
  [60, 269, 1, 'l', 64.8, 6.3, null, [-3.11, -3.08, null, -1.7, -1.71]],
  [73, 1716, 2, 'l', 110.4, 27.5, null, [0.48, 2.85, null, 4.05, 3.87]],
  [109, 719, 2, 'h', 97.8, 15.1, null, [3.87, 2.18, null, 0.36, 0.11]],
  [112, 90, 2, 'l', 60.4, 4.5, 39.5, [0.34, -2.02, 0.01, -3.26, -3.01]],
  [132, 1359, 2, 'l', 88.2, 12.9, null, [-3.16, -1.37, null, 0.78, 1.06]],
  [181, 935, 2, 'h', 87.6, 17.4, null, [-1.02, 2.29, null, 3.97, 4.22]],
  [188, 0, 1, 'l', 57.2, 4.7, 36.1, [3.86, 2.47, 1.29, -1.18, 0.71]],
  [214, 194, 1, 'l', 73.2, 11.9, 46.5, [2.32, 3.68, 2.38, 3.06, 2.93]],
  [219, 0, 1, 'l', 55.9, 5.5, 38.2, [3.18, 3.77, 2.94, 1.55, 2.73]],
  [230, 886, 1, '', null, 9.1, null, [null, -3.14, null, null, null]],
  [286, 417, 1, 'l', 81.3, 14.2, null, [1.46, 3.21, null, 3.28, 3.07]],
  [287, 1802, 1, 'h', 120.7, 28.1, null, [2.43, 3.13, null, null, 2.54]],
  [291, 1061, 1, 'h', 97.3, 20.2, null, [0.54, 2.92, null, 3.84, 3.82]],
  [293, 64, 1, 'l', 58.7, 5.7, 43, [-0.03, 0.05, 3.16, 0.17, 0.1]],
  [301, 248, 1, 'l', 77.6, 10.5, null, [3.07, 1.79, null, 0.57, 0.13]],
  [305, 31, 1, 'l', 60.9, 6.3, 40.2, [3.13, 2.63, 2.47, 0.12, 1.42]],
  [306, 600, 2, 'h', 87.9, 12.5, null, [2.06, 1.32, null, 0.34, 0.23]],
  [371, 955, 2, '', null, 7.6, null, [null, -4.32, null, null, null]],
  [381, 1656, 2, 'h', 104.1, null, null, [-0.51, null, null, null, null]],
  [467, 643, 1, 'l', 75.9, 8.7, null, [-3.24, -2.53, null, -1.31, -0.67]],
];

const omitNull = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined));

describe.each(DIALECTS)('WHO reference values through HTTP on %s', (dialect) => {
  let t: TestApp;
  const zscores = async (payload: Record<string, unknown>) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/growth/zscores', payload: omitNull(payload) });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    t = await buildTestApp(dialect);
  });
  afterAll(() => t.close());

  describe('cases from the test suite of WHO’s anthro R package (see domain/growth/zscores.anthro.test.ts)', () => {
    it('girl, 1522 days, 17 kg → zwei 0.24, not flagged', async () => {
      expect((await zscores({ sex: 'female', ageDays: 1522, weightKg: 17 })).weightForAge).toMatchObject({ z: 0.24, flag: false });
    });

    it('girl, day 1, 10.37 kg → weight-for-age flagged; BMI 25 on day 1 → flagged', async () => {
      expect((await zscores({ sex: 'female', ageDays: 1, weightKg: 10.37 })).weightForAge.flag).toBe(true);
      expect((await zscores({ sex: 'female', ageDays: 1, weightKg: 6.25, lengthCm: 50 })).bmiForAge.flag).toBe(true);
    });

    it('boy, 44 days, 50 cm → zlen −3.29; boy, 987 days, 72.86 cm recumbent → −6.09, flagged', async () => {
      expect((await zscores({ sex: 'male', ageDays: 44, lengthCm: 50 })).lengthForAge).toMatchObject({ z: -3.29, flag: false });
      const r = await zscores({ sex: 'male', ageDays: 987, lengthCm: 72.86, position: 'recumbent' });
      expect(r.lengthForAge).toMatchObject({ z: -6.09, flag: true });
    });

    it('boy, 60 cm standing at 8 and 9 months → position ignored only before 9 months', async () => {
      const at8 = await zscores({ sex: 'male', ageDays: months(8), lengthCm: 60, position: 'standing' });
      const at9 = await zscores({ sex: 'male', ageDays: months(9), lengthCm: 60, position: 'standing' });
      expect(at8.standingUnder9Months).toBe(true);
      expect(at9.standingUnder9Months).toBeUndefined();
      expect(at8.lengthForAge.z).toBeCloseTo(-4.81, 2);
      expect(at9.lengthForAge.z).toBeCloseTo(-5.02, 2);
    });

    it('girl, 24 months, 77.5 cm standing or position unknown → zlen −2.55', async () => {
      for (const position of ['standing', undefined]) {
        expect((await zscores({ sex: 'female', ageDays: months(24), lengthCm: 77.5, position })).lengthForAge.z).toBe(-2.55);
      }
    });

    it('scores at 59.9 months and not at 60', async () => {
      const input = { sex: 'male', lengthCm: 80, weightKg: 20, headCm: 5, position: 'standing' };
      expect(Object.keys(await zscores({ ...input, ageDays: months(59.9) }))).toHaveLength(6);
      // 1826.25 days looks up day 1826, but anthro tests the unrounded age: 60 months, no scores
      expect(await zscores({ ...input, ageDays: months(60) })).toEqual({ ageDays: 1826 });
    });
  });

  it.each(IGROWUP)('WHO igrowup sample survey, child %i', async (_id, ageDays, sex, measure, lengthCm, weightKg, headCm, z) => {
    const position = measure === 'l' ? 'recumbent' : measure === 'h' ? 'standing' : undefined;
    const r = await zscores({ sex: sex === 1 ? 'male' : 'female', ageDays, lengthCm, weightKg, headCm, position });
    const got = [r.lengthForAge?.z, r.weightForAge?.z, r.headForAge?.z, r.weightForLength?.z, r.bmiForAge?.z].map((v) => v ?? null);
    expect(got).toEqual(z);
  });

  it('takes the same answer from dates as from days (igrowup child 73, 1716 days)', async () => {
    const r = await zscores({
      sex: 'female',
      birthDate: '2019-02-28',
      measuredOn: addDaysIso('2019-02-28', 1716),
      lengthCm: 110.4,
      weightKg: 27.5,
      position: 'recumbent',
    });
    expect(r.ageDays).toBe(1716);
    expect([r.weightForLength.z, r.bmiForAge.z]).toEqual([4.05, 3.87]);
  });

  describe('restricted tails, computed here from the raw WHO rows', () => {
    // A measurement k SD-intervals beyond ±3 scores exactly ±(3 + k) under WHO's rule, while plain
    // LMS would give something else: each case checks the gap so a missing restriction fails.
    const beyond = (r: { l: number; m: number; s: number }, side: 1 | -1, k: number) =>
      side > 0 ? handSd(r, 3) + k * (handSd(r, 3) - handSd(r, 2)) : handSd(r, -3) - k * (handSd(r, -2) - handSd(r, -3));

    it.each([
      ['weight-for-age, boy 365 days', 'weianthro', 'male', 365, 1],
      ['weight-for-age, girl 1000 days', 'weianthro', 'female', 1000, -1],
      ['BMI-for-age, girl 500 days', 'bmianthro', 'female', 500, 1],
    ] as const)('%s', async (_what, file, sex, ageDays, side) => {
      const row = rawRow(file, sex, ageDays);
      const y = beyond(row, side, 1.5);
      expect(handRestrictedZ(y, row)).toBeCloseTo(side * 4.5, 9);
      expect(Math.abs(handZ(y, row) - side * 4.5)).toBeGreaterThan(0.05);
      if (file === 'weianthro') {
        const r = await zscores({ sex, ageDays, weightKg: y });
        expect(r.weightForAge).toMatchObject({ z: side * 4.5, percentile: side > 0 ? 100 : 0 });
      } else {
        // BMI from weight at a length on the table's grid, recumbent before 731 days: no adjustment
        const lengthCm = 80;
        const r = await zscores({ sex, ageDays, lengthCm, position: 'recumbent', weightKg: y * (lengthCm / 100) ** 2 });
        expect(r.bmiForAge.z).toBe(side * 4.5);
      }
    });

    it.each([
      ['weight-for-length, girl 80 cm at 400 days', 'wflanthro', 'female', 400, 80, 'recumbent', 1],
      ['weight-for-height, boy 95 cm at 1000 days', 'wfhanthro', 'male', 1000, 95, 'standing', -1],
    ] as const)('%s', async (_what, file, sex, ageDays, lengthCm, position, side) => {
      const row = rawRow(file, sex, lengthCm);
      for (const k of [0.25, 2]) {
        const weightKg = beyond(row, side, k);
        const r = await zscores({ sex, ageDays, lengthCm, position, weightKg });
        expect(r.weightForLength.z).toBe(Number((side * (3 + k)).toFixed(2)));
        expect(Math.abs(r.weightForLength.percentile - 100 * normalCdf(side * (3 + k)))).toBeLessThanOrEqual(0.05);
      }
      // a weight at any other value agrees with the hand formula to 2 decimals
      const weightKg = Math.round(beyond(row, side, 0.8) * 1000) / 1000;
      const r = await zscores({ sex, ageDays, lengthCm, position, weightKg });
      expect(Math.abs(r.weightForLength.z - handRestrictedZ(weightKg, row))).toBeLessThanOrEqual(0.005 + 1e-9);
    });

    it('flags only where WHO Anthro would: weight-for-age below −6 or above +5', async () => {
      const row = rawRow('weianthro', 'male', 365);
      expect((await zscores({ sex: 'male', ageDays: 365, weightKg: beyond(row, 1, 2.1) })).weightForAge).toMatchObject({
        z: 5.1,
        flag: true,
      });
      expect((await zscores({ sex: 'male', ageDays: 365, weightKg: beyond(row, 1, 1.9) })).weightForAge).toMatchObject({
        z: 4.9,
        flag: false,
      });
      expect((await zscores({ sex: 'male', ageDays: 365, weightKg: beyond(row, -1, 2.9) })).weightForAge).toMatchObject({
        z: -5.9,
        flag: false,
      });
    });
  });
});
