import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';

describe('classify', () => {
  it('weight-for-age: low side only', () => {
    expect([-3.01, -3, -2.01, -2, 0, 2.5, 4].map((z) => classify('weightForAge', z))).toEqual([
      'severely_underweight',
      'underweight',
      'underweight',
      'normal',
      'normal',
      'normal',
      'normal',
    ]);
  });

  it('length/height-for-age: low side only', () => {
    expect([-3.01, -3, -2.01, -2, 4].map((z) => classify('lengthForAge', z))).toEqual([
      'severely_stunted',
      'stunted',
      'stunted',
      'normal',
      'normal',
    ]);
  });

  it('weight-for-length/height and BMI-for-age: both sides', () => {
    const zs = [-3.01, -3, -2.01, -2, 2, 2.01, 3, 3.01];
    const expected = ['severely_wasted', 'wasted', 'wasted', 'normal', 'normal', 'overweight', 'overweight', 'obese'];
    expect(zs.map((z) => classify('weightForLength', z))).toEqual(expected);
    expect(zs.map((z) => classify('bmiForAge', z))).toEqual(expected);
  });

  it('head circumference: beyond ±2', () => {
    expect([-2.01, -2, 2, 2.01].map((z) => classify('headForAge', z))).toEqual([
      'microcephaly_risk',
      'normal',
      'normal',
      'macrocephaly_risk',
    ]);
  });

  it('refuses a non-finite z', () => {
    expect(() => classify('weightForAge', Number.NaN)).toThrow(RangeError);
  });
});
