// Worked values: every expected z below is computed here from the raw CSV row
// with the LMS formula written out by hand, not through the module's own code.
import { describe, expect, it } from 'vitest';
import { loadGrowthTables } from './loadTables.node.ts';
import { normalCdf } from './normal.ts';
import { handZ, rawRow } from './rawWho.testkit.ts';
import { computeGrowthIndicators, type IndicatorResult } from './zscores.ts';

const tables = loadGrowthTables();

/** z is the exact value rounded to 2 decimals; percentile is 100·Φ(exact z) to 1 decimal. */
function expectScore(got: IndicatorResult | undefined, zExact: number): void {
  expect(got).toBeDefined();
  if (got === undefined) return;
  expect(Math.abs(got.z - zExact)).toBeLessThanOrEqual(0.005 + 1e-9);
  expect(Math.abs(got.percentile - 100 * normalCdf(zExact))).toBeLessThanOrEqual(0.05 + 1e-9);
}

const ages = [0, 1, 45, 180, 273, 365, 500, 730, 731, 1000, 1400, 1826];

describe.each(['male', 'female'] as const)('worked values from the raw WHO rows (%s)', (sex) => {
  it.each(ages)('age %i days: all five indicators', (age) => {
    const len = rawRow('lenanthro', sex, age);
    const lengthCm = Math.round(len.m * 0.97 * 10) / 10; // on a 0.1 cm row: no interpolation
    const position = age < 731 ? 'recumbent' : 'standing'; // no 0.7 cm adjustment
    const wei = rawRow('weianthro', sex, age);
    const weightKg = Math.round(wei.m * 1.07 * 1000) / 1000;
    const hc = rawRow('hcanthro', sex, age);
    const headCm = Math.round(hc.m * 1.02 * 10) / 10;

    const got = computeGrowthIndicators({ sex, ageDays: age, weightKg, lengthCm, position, headCm }, tables);

    expect(got.ageDays).toBe(age);
    expectScore(got.weightForAge, handZ(weightKg, wei));
    expectScore(got.lengthForAge, handZ(lengthCm, len));
    expectScore(got.headForAge, handZ(headCm, hc));
    const bmi = weightKg / (lengthCm / 100) ** 2;
    expectScore(got.bmiForAge, handZ(bmi, rawRow('bmianthro', sex, age)));
    const wfl = rawRow(age < 731 ? 'wflanthro' : 'wfhanthro', sex, lengthCm);
    expectScore(got.weightForLength, handZ(weightKg, wfl));
    // the sample stays inside ±3 SD, so the tail rule plays no part here
    for (const r of [got.weightForAge, got.bmiForAge, got.weightForLength]) {
      expect(Math.abs(r?.z ?? 99)).toBeLessThan(3);
    }
  });

  it('a child at the median scores 0 and the 50th percentile', () => {
    const age = 600;
    const lengthCm = 80; // height row key for the weight-for-length median
    const wflMedian = rawRow('wflanthro', sex, lengthCm).m;
    const got = computeGrowthIndicators({ sex, ageDays: age, weightKg: wflMedian, lengthCm, position: 'recumbent' }, tables);
    expect(got.weightForLength).toEqual({ z: 0, percentile: 50, flag: false });
    const hcMedian = rawRow('hcanthro', sex, age).m;
    expect(computeGrowthIndicators({ sex, ageDays: age, headCm: hcMedian }, tables).headForAge).toEqual({
      z: 0,
      percentile: 50,
      flag: false,
    });
  });
});
