import { describe, expect, it } from 'vitest';
import { sdCurve } from './curves.ts';
import { loadGrowthTables } from './loadTables.node.ts';
import { handSd, rawRow } from './rawWho.testkit.ts';
import { computeGrowthIndicators } from './zscores.ts';

const tables = loadGrowthTables();

describe('sdCurve', () => {
  it('age curves: y = M(1 + L·S·z)^(1/L) per day, from the raw rows', () => {
    const points = sdCurve(tables, 'weightForAge', 'female', -2, 0, 1826, 365);
    expect(points.map(([x]) => x)).toEqual([0, 365, 730, 1095, 1460, 1825]);
    for (const [x, y] of points) {
      expect(y).toBeCloseTo(handSd(rawRow('weianthro', 'female', x), -2), 10);
    }
  });

  it('the median curve is M', () => {
    for (const [x, y] of sdCurve(tables, 'headForAge', 'male', 0, 0, 100, 50)) {
      expect(y).toBe(rawRow('hcanthro', 'male', x).m);
    }
  });

  it('weight-for-length curves run over length in cm, on the 0.1 cm grid', () => {
    const points = sdCurve(tables, 'weightForLength', 'male', 3, 45, 46, 0.1);
    expect(points.map(([x]) => x)).toEqual([45, 45.1, 45.2, 45.3, 45.4, 45.5, 45.6, 45.7, 45.8, 45.9, 46]);
    for (const [x, y] of points) {
      expect(y).toBeCloseTo(handSd(rawRow('wflanthro', 'male', x), 3), 10);
    }
  });

  it('skips points outside the table and stops at day 1826', () => {
    expect(sdCurve(tables, 'weightForHeight', 'female', 0, 60, 66, 1).map(([x]) => x)).toEqual([65, 66]);
    expect(sdCurve(tables, 'lengthForAge', 'female', 0, 1820, 1856, 3).map(([x]) => x)).toEqual([1820, 1823, 1826]);
  });

  it('beyond ±3 uses the restricted tails, so a child on the +4 line scores +4', () => {
    for (const z of [4, -4, 2.5]) {
      const [[, weightKg] = [0, 0]] = sdCurve(tables, 'weightForAge', 'male', z, 500, 500, 1);
      expect(computeGrowthIndicators({ sex: 'male', ageDays: 500, weightKg }, tables).weightForAge?.z).toBe(z);
      const [[, w] = [0, 0]] = sdCurve(tables, 'weightForLength', 'male', z, 80.25, 80.25, 1);
      const r = computeGrowthIndicators({ sex: 'male', ageDays: 500, lengthCm: 80.25, position: 'recumbent', weightKg: w }, tables);
      expect(r.weightForLength?.z).toBe(z);
    }
  });

  it('rejects a bad step and fractional days', () => {
    expect(() => sdCurve(tables, 'weightForAge', 'male', 0, 0, 10, 0)).toThrow(RangeError);
    expect(() => sdCurve(tables, 'weightForAge', 'male', 0, 0, 10, 0.5)).toThrow(RangeError);
    expect(() => sdCurve(tables, 'weightForAge', 'male', Number.NaN, 0, 10, 1)).toThrow(RangeError);
  });
});
