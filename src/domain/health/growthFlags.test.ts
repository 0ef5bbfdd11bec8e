import { describe, expect, it } from 'vitest';
import type { GrowthIndicators } from '../growth/zscores.ts';
import { growthFlags } from './growthFlags.ts';

const score = (z: number, flag = false) => ({ z, percentile: 50, flag });
const NONE = { underweight: false, stunting: false, wasting: false, overweight: false, implausible: false };

describe('growth flags', () => {
  it('raises nothing for a child on the medians, or with nothing measured', () => {
    const all: GrowthIndicators = {
      weightForAge: score(0),
      lengthForAge: score(0),
      weightForLength: score(0),
      bmiForAge: score(0),
      headForAge: score(0),
    };
    expect(growthFlags(all)).toEqual(NONE);
    expect(growthFlags({})).toEqual(NONE);
  });

  it('uses strict WHO cut-offs: −2.00 and +2.00 are normal, −2.01 and +2.01 are not', () => {
    const at = (z: number) =>
      growthFlags({ weightForAge: score(z), lengthForAge: score(z), weightForLength: score(z), bmiForAge: score(z) });
    expect(at(-2)).toEqual(NONE);
    expect(at(2)).toEqual(NONE);
    expect(at(-2.01)).toEqual({ ...NONE, underweight: true, stunting: true, wasting: true });
    expect(at(2.01)).toEqual({ ...NONE, overweight: true });
  });

  it('reads overweight on weight-for-length, and on BMI only when weight-for-length is absent', () => {
    expect(growthFlags({ weightForLength: score(1), bmiForAge: score(2.5) }).overweight).toBe(false);
    expect(growthFlags({ bmiForAge: score(2.5) }).overweight).toBe(true);
    expect(growthFlags({ weightForLength: score(2.5), bmiForAge: score(1) }).overweight).toBe(true);
  });

  it('calls a flagged value implausible instead of reading a finding from it', () => {
    expect(growthFlags({ weightForAge: score(-6.5, true) })).toEqual({ ...NONE, implausible: true });
    expect(growthFlags({ weightForLength: score(5.5, true), bmiForAge: score(5.2, true) })).toEqual({ ...NONE, implausible: true });
    expect(growthFlags({ headForAge: score(5.1, true), weightForAge: score(-2.5) })).toEqual({
      ...NONE,
      underweight: true,
      implausible: true,
    });
  });
});
