// Expected outputs published in the test suite of WHO's own R package `anthro`
// (github.com/WorldHealthOrganization/anthro, tests/testthat/, as of commit
// 02aa59cdc41449c0bf101f893215552fe167bda2). Ages given there in months are
// converted here with anthro's 30.4375 days per month.
import { describe, expect, it } from 'vitest';
import { loadGrowthTables } from './loadTables.node.ts';
import { computeGrowthIndicators } from './zscores.ts';

const tables = loadGrowthTables();
const months = (m: number) => m * 30.4375;

describe('WHO anthro package test expectations', () => {
  it('test-zscore-weight-for-age.R: girl, 1522 days, 17 kg → zwei 0.24, not flagged', () => {
    const r = computeGrowthIndicators({ sex: 'female', ageDays: 1522, weightKg: 17 }, tables);
    expect(r.weightForAge?.z).toBe(0.24);
    expect(r.weightForAge?.flag).toBe(false);
  });

  it('test-zscore-weight-for-age.R: girl, day 1, 10.37 kg → flagged', () => {
    const r = computeGrowthIndicators({ sex: 'female', ageDays: 1, weightKg: 10.37 }, tables);
    expect(r.weightForAge?.flag).toBe(true);
  });

  it('test-zscore-bmi-for-age.R: girl, day 1, BMI 25 → flagged', () => {
    // 6.25 kg / (0.5 m)² = 25 exactly
    const r = computeGrowthIndicators({ sex: 'female', ageDays: 1, weightKg: 6.25, lengthCm: 50 }, tables);
    expect(r.bmiForAge?.flag).toBe(true);
  });

  it('test-zscore-length-for-age.R: boy, 44 days, 50 cm → round(((50/56.4833) − 1)/0.03492, 2)', () => {
    const r = computeGrowthIndicators({ sex: 'male', ageDays: 44, lengthCm: 50 }, tables);
    expect(r.lengthForAge?.z).toBe(-3.29);
    expect(r.lengthForAge?.flag).toBe(false);
  });

  it('test-zscores.R: boy, 987 days, 72.86 cm recumbent → zlen −6.09, flagged (uses length − 0.7)', () => {
    const r = computeGrowthIndicators({ sex: 'male', ageDays: 987, lengthCm: 72.86, position: 'recumbent' }, tables);
    expect(r.lengthForAge).toMatchObject({ z: -6.09, flag: true });
  });

  it('test-zscores.R: boy, 60 cm standing at 8 and 9 months → c9mo_flag 1/0, zlen −4.81/−5.02', () => {
    const at8 = computeGrowthIndicators({ sex: 'male', ageDays: months(8), lengthCm: 60, position: 'standing' }, tables);
    const at9 = computeGrowthIndicators({ sex: 'male', ageDays: months(9), lengthCm: 60, position: 'standing' }, tables);
    expect(at8.standingUnder9Months).toBe(true);
    expect(at9.standingUnder9Months).toBeUndefined();
    // anthro compares with tolerance 0.01
    expect(at8.lengthForAge?.z).toBeCloseTo(-4.81, 2);
    expect(at9.lengthForAge?.z).toBeCloseTo(-5.02, 2);
  });

  it('test-zscores.R: girl, 24 months, 77.5 cm, position standing or unknown → zlen −2.55', () => {
    for (const position of ['standing', undefined] as const) {
      const r = computeGrowthIndicators({ sex: 'female', ageDays: months(24), lengthCm: 77.5, position }, tables);
      expect(r.lengthForAge?.z).toBe(-2.55);
    }
  });

  it('test-zscores.R: z-scores at 59.9 months, none at 60 or 60.1 months', () => {
    const input = { sex: 'male', lengthCm: 80, weightKg: 20, headCm: 5, position: 'standing' } as const;
    const at = (m: number) => computeGrowthIndicators({ ...input, ageDays: months(m) }, tables);
    expect(Object.keys(at(59.9))).toEqual(
      expect.arrayContaining(['weightForAge', 'lengthForAge', 'weightForLength', 'bmiForAge', 'headForAge']),
    );
    for (const m of [60, 60.1]) {
      const r = at(m);
      expect([r.weightForAge, r.lengthForAge, r.weightForLength, r.bmiForAge, r.headForAge]).toEqual([
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
      ]);
    }
  });
});
