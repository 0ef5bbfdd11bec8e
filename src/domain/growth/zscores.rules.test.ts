// Hand-checked cases for each WHO rule (numbers refer to README.md here).
// Expected values come from raw CSV rows via rawWho.testkit, never from the module.
import { describe, expect, it } from 'vitest';
import { loadGrowthTables } from './loadTables.node.ts';
import { handRestrictedZ, handSd, handZ, type RawLms, rawRow } from './rawWho.testkit.ts';
import { computeGrowthIndicators, type GrowthInput, type IndicatorResult } from './zscores.ts';

const tables = loadGrowthTables();
const run = (input: GrowthInput) => computeGrowthIndicators(input, tables);

function expectZ(got: IndicatorResult | undefined, zExact: number): void {
  expect(got, 'indicator should be present').toBeDefined();
  expect(Math.abs((got?.z ?? Number.NaN) - zExact)).toBeLessThanOrEqual(0.005 + 1e-9);
}

/** Measurement at z with the tail rule, written out by hand. */
function yAtRestricted(r: RawLms, z: number): number {
  if (z > 3) return handSd(r, 3) + (z - 3) * (handSd(r, 3) - handSd(r, 2));
  if (z < -3) return handSd(r, -3) + (z + 3) * (handSd(r, -2) - handSd(r, -3));
  return handSd(r, z);
}

describe('rule 3: 0.7 cm length/height adjustment around 731 days', () => {
  it('730 days, standing: +0.7 cm (length-for-age and weight-for-length)', () => {
    const r = run({ sex: 'male', ageDays: 730, lengthCm: 85, position: 'standing', weightKg: 11 });
    expectZ(r.lengthForAge, handZ(85.7, rawRow('lenanthro', 'male', 730)));
    expectZ(r.weightForLength, handRestrictedZ(11, rawRow('wflanthro', 'male', 85.7)));
    expect(r.lengthForAge?.z).not.toBe(run({ sex: 'male', ageDays: 730, lengthCm: 85, position: 'recumbent' }).lengthForAge?.z);
  });

  it('730 days, recumbent: as measured', () => {
    const r = run({ sex: 'male', ageDays: 730, lengthCm: 85, position: 'recumbent' });
    expectZ(r.lengthForAge, handZ(85, rawRow('lenanthro', 'male', 730)));
  });

  it('731 days, recumbent: −0.7 cm', () => {
    const r = run({ sex: 'female', ageDays: 731, lengthCm: 85.7, position: 'recumbent', weightKg: 11 });
    expectZ(r.lengthForAge, handZ(85.7 - 0.7, rawRow('lenanthro', 'female', 731)));
    expectZ(r.weightForLength, handRestrictedZ(11, rawRow('wfhanthro', 'female', 85)));
  });

  it('731 days, standing or unknown position: as measured', () => {
    const expected = handZ(85.7, rawRow('lenanthro', 'female', 731));
    expectZ(run({ sex: 'female', ageDays: 731, lengthCm: 85.7, position: 'standing' }).lengthForAge, expected);
    expectZ(run({ sex: 'female', ageDays: 731, lengthCm: 85.7 }).lengthForAge, expected);
  });

  it('no adjustment without an age', () => {
    const r = run({ sex: 'male', lengthCm: 85, position: 'standing', weightKg: 11 });
    expectZ(r.weightForLength, handRestrictedZ(11, rawRow('wfhanthro', 'male', 85)));
  });
});

describe('rule 6: weight-for-length before 731 days, weight-for-height from 731', () => {
  const wfl = handRestrictedZ(11, rawRow('wflanthro', 'male', 85));
  const wfh = handRestrictedZ(11, rawRow('wfhanthro', 'male', 85));

  it('the two tables give different answers at 85 cm, so the choice is observable', () => {
    expect(Math.abs(wfl - wfh)).toBeGreaterThan(0.1);
  });

  it('by age, whatever the position', () => {
    expectZ(run({ sex: 'male', ageDays: 730, lengthCm: 85, position: 'recumbent', weightKg: 11 }).weightForLength, wfl);
    expectZ(run({ sex: 'male', ageDays: 731, lengthCm: 85, position: 'standing', weightKg: 11 }).weightForLength, wfh);
  });

  it('without age: by position, else length below 87 cm', () => {
    expectZ(run({ sex: 'male', lengthCm: 85, position: 'recumbent', weightKg: 11 }).weightForLength, wfl);
    expectZ(run({ sex: 'male', lengthCm: 85, position: 'standing', weightKg: 11 }).weightForLength, wfh);
    expectZ(run({ sex: 'male', lengthCm: 85, weightKg: 11 }).weightForLength, wfl);
    expectZ(run({ sex: 'male', lengthCm: 86.9, weightKg: 12 }).weightForLength, handRestrictedZ(12, rawRow('wflanthro', 'male', 86.9)));
    expectZ(run({ sex: 'male', lengthCm: 87, weightKg: 12 }).weightForLength, handRestrictedZ(12, rawRow('wfhanthro', 'male', 87)));
  });

  it('only weight-for-length is computed without an age', () => {
    expect(Object.keys(run({ sex: 'male', lengthCm: 85, weightKg: 11, headCm: 47 }))).toEqual(['weightForLength']);
  });
});

describe('rule 6: linear interpolation between 0.1 cm rows', () => {
  const lo = rawRow('wflanthro', 'female', 80.2);
  const hi = rawRow('wflanthro', 'female', 80.3);
  const f = (80.25 - 80.2) / 0.1;
  const mid: RawLms = { l: lo.l + f * (hi.l - lo.l), m: lo.m + f * (hi.m - lo.m), s: lo.s + f * (hi.s - lo.s) };
  const expected = handRestrictedZ(10.5, mid);

  it('80.25 cm uses L, M, S halfway between the 80.2 and 80.3 rows', () => {
    const got = run({ sex: 'female', ageDays: 400, lengthCm: 80.25, position: 'recumbent', weightKg: 10.5 });
    expectZ(got.weightForLength, expected);
    // either neighbouring row alone would be off by about 0.01
    expect(Math.abs((got.weightForLength?.z ?? 0) - handZ(10.5, lo))).toBeGreaterThan(0.005);
    expect(Math.abs((got.weightForLength?.z ?? 0) - handZ(10.5, hi))).toBeGreaterThan(0.005);
  });

  it('interpolates after the 0.7 cm adjustment (79.55 standing + 0.7)', () => {
    const got = run({ sex: 'female', ageDays: 400, lengthCm: 79.55, position: 'standing', weightKg: 10.5 });
    expectZ(got.weightForLength, expected);
  });
});

describe('rule 8: restricted tails for weight-based indicators', () => {
  const cases = [
    { name: 'weight-for-age, heavy boy', sex: 'male', ageDays: 365, z: 4.5 },
    { name: 'weight-for-age, light girl', sex: 'female', ageDays: 200, z: -4.2 },
  ] as const;
  it.each(cases)('$name: z = ±3 + (y − SD±3)/(SD3 − SD2 gap), not plain LMS', ({ sex, ageDays, z }) => {
    const row = rawRow('weianthro', sex, ageDays);
    const y = yAtRestricted(row, z);
    // a missing tail rule would be caught: plain LMS is more than 0.05 away
    expect(Math.abs(handZ(y, row) - z)).toBeGreaterThan(0.05);
    expectZ(run({ sex, ageDays, weightKg: y }).weightForAge, z);
  });

  it.each([3.8, -3.8])('BMI-for-age at z %d (boy, 900 days, 90 cm standing)', (z) => {
    const row = rawRow('bmianthro', 'male', 900);
    const weightKg = yAtRestricted(row, z) * 0.81;
    const bmi = weightKg / (90 / 100) ** 2;
    expect(Math.abs(handZ(bmi, row) - handRestrictedZ(bmi, row))).toBeGreaterThan(0.05);
    expectZ(run({ sex: 'male', ageDays: 900, lengthCm: 90, position: 'standing', weightKg }).bmiForAge, handRestrictedZ(bmi, row));
  });

  it.each([3.9, -3.9])('weight-for-length at z %d (girl, 75 cm)', (z) => {
    const row = rawRow('wflanthro', 'female', 75);
    const weightKg = yAtRestricted(row, z);
    expect(Math.abs(handZ(weightKg, row) - z)).toBeGreaterThan(0.05);
    expectZ(run({ sex: 'female', ageDays: 400, lengthCm: 75, position: 'recumbent', weightKg }).weightForLength, z);
  });

  it('percentile follows the restricted z', () => {
    const row = rawRow('weianthro', 'female', 200);
    const r = run({ sex: 'female', ageDays: 200, weightKg: yAtRestricted(row, -3.2) });
    expect(r.weightForAge?.z).toBe(-3.2);
    expect(r.weightForAge?.percentile).toBe(0.1); // 100·Φ(−3.2) = 0.0687
  });
});

describe('rule 8: length/height-for-age and head circumference are not restricted', () => {
  // Every WHO length and head row has L = 1, where the restricted formula and
  // plain LMS coincide algebraically; these cases pin plain LMS far in the tails.
  it.each([4.5, -4.5, 7])('length-for-age at plain z %d', (z) => {
    const row = rawRow('lenanthro', 'male', 500);
    const y = row.m * (1 + row.s * z);
    expectZ(run({ sex: 'male', ageDays: 500, lengthCm: y, position: 'recumbent' }).lengthForAge, handZ(y, row));
  });

  it.each([4.5, -4.5])('head circumference at plain z %d', (z) => {
    const row = rawRow('hcanthro', 'female', 800);
    const y = row.m * (1 + row.s * z);
    expectZ(run({ sex: 'female', ageDays: 800, headCm: y }).headForAge, z);
  });
});

describe('rule 11: implausible-value flags, decided on the rounded z', () => {
  type Case = { name: string; at: (z: number) => IndicatorResult | undefined; low: number; high: number };
  const wfaRow = rawRow('weianthro', 'female', 200);
  const lenRow = rawRow('lenanthro', 'male', 500);
  const wflRow = rawRow('wflanthro', 'male', 75);
  const bmiRow = rawRow('bmianthro', 'female', 1000);
  const hcRow = rawRow('hcanthro', 'male', 300);
  const cases: Case[] = [
    {
      name: 'weight-for-age',
      low: -6,
      high: 5,
      at: (z) => run({ sex: 'female', ageDays: 200, weightKg: yAtRestricted(wfaRow, z) }).weightForAge,
    },
    {
      name: 'length-for-age',
      low: -6,
      high: 6,
      at: (z) => run({ sex: 'male', ageDays: 500, lengthCm: lenRow.m * (1 + lenRow.s * z), position: 'recumbent' }).lengthForAge,
    },
    {
      name: 'weight-for-length',
      low: -5,
      high: 5,
      at: (z) =>
        run({ sex: 'male', ageDays: 400, lengthCm: 75, position: 'recumbent', weightKg: yAtRestricted(wflRow, z) }).weightForLength,
    },
    {
      // at 100 cm the BMI equals the weight in kg
      name: 'BMI-for-age',
      low: -5,
      high: 5,
      at: (z) => run({ sex: 'female', ageDays: 1000, lengthCm: 100, position: 'standing', weightKg: yAtRestricted(bmiRow, z) }).bmiForAge,
    },
    {
      name: 'head circumference',
      low: -5,
      high: 5,
      at: (z) => run({ sex: 'male', ageDays: 300, headCm: hcRow.m * (1 + hcRow.s * z) }).headForAge,
    },
  ];

  it.each(cases)('$name: flagged below $low and above $high only', ({ at, low, high }) => {
    expect(at(high + 0.004)).toMatchObject({ z: high, flag: false });
    expect(at(high + 0.006)).toMatchObject({ z: high + 0.01, flag: true });
    expect(at(low - 0.004)).toMatchObject({ z: low, flag: false });
    expect(at(low - 0.006)).toMatchObject({ z: low - 0.01, flag: true });
  });

  it('weight-for-age is asymmetric: −5.5 is not flagged, +5.5 is', () => {
    expect(cases[0]?.at(-5.5)?.flag).toBe(false);
    expect(cases[0]?.at(5.5)?.flag).toBe(true);
  });
});

describe('rule 2: age limits', () => {
  const input = { sex: 'female', weightKg: 15, lengthCm: 100, position: 'standing', headCm: 49 } as const;
  const all = ['weightForAge', 'lengthForAge', 'weightForLength', 'bmiForAge', 'headForAge'];

  it('day 1826 is computed, day 1827 is not (not even weight-for-height)', () => {
    expect(Object.keys(run({ ...input, ageDays: 1826 }))).toEqual(expect.arrayContaining(all));
    expect(run({ ...input, ageDays: 1827 })).toEqual({ ageDays: 1827 });
  });

  it('day 0 is computed', () => {
    const r = run({ sex: 'male', ageDays: 0, weightKg: 3.3 });
    expectZ(r.weightForAge, handZ(3.3, rawRow('weianthro', 'male', 0)));
  });

  it('a fractional age is rounded half up for the tables, checked unrounded against 60 months', () => {
    const row = rawRow('weianthro', 'male', 731);
    expectZ(run({ sex: 'male', ageDays: 730.5, weightKg: 12 }).weightForAge, handZ(12, row));
    expect(run({ sex: 'male', ageDays: 730.5 }).ageDays).toBe(731);
    expect(run({ sex: 'male', ageDays: 730.49 }).ageDays).toBe(730);
    expect(run({ ...input, ageDays: 1826.25 })).toEqual({ ageDays: 1826 }); // exactly 60 months
  });

  it('a negative or non-finite age gives nothing at all', () => {
    expect(run({ ...input, ageDays: -1 })).toEqual({});
    expect(run({ ...input, ageDays: Number.NaN })).toEqual({});
    expect(run({ ...input, ageDays: Number.POSITIVE_INFINITY })).toEqual({});
  });
});

describe('rule 6: weight-for-length/height range limits', () => {
  const wfl = (lengthCm: number, ageDays: number, position: 'recumbent' | 'standing') =>
    run({ sex: 'male', ageDays, lengthCm, position, weightKg: 8 }).weightForLength;

  it('length table: 45.0 to 110.0 cm', () => {
    expect(wfl(44.9, 5, 'recumbent')).toBeUndefined();
    expect(wfl(44.99, 5, 'recumbent')).toBeUndefined();
    expectZ(wfl(45, 5, 'recumbent'), handRestrictedZ(8, rawRow('wflanthro', 'male', 45)));
    expectZ(wfl(110, 700, 'recumbent'), handRestrictedZ(8, rawRow('wflanthro', 'male', 110)));
    expect(wfl(110.1, 700, 'recumbent')).toBeUndefined();
  });

  it('height table: 65.0 to 120.0 cm', () => {
    expect(wfl(64.9, 1000, 'standing')).toBeUndefined();
    expectZ(wfl(65, 1000, 'standing'), handRestrictedZ(8, rawRow('wfhanthro', 'male', 65)));
    expectZ(wfl(120, 1000, 'standing'), handRestrictedZ(8, rawRow('wfhanthro', 'male', 120)));
    expect(wfl(120.1, 1000, 'standing')).toBeUndefined();
  });

  it('the range applies to the adjusted length (65.6 recumbent at 731 days → 64.9)', () => {
    expect(wfl(65.6, 731, 'recumbent')).toBeUndefined();
    expect(wfl(65.7, 731, 'recumbent')).toBeDefined();
  });
});

describe('rule 4: standing before 9 months', () => {
  it('no +0.7 cm and standingUnder9Months true', () => {
    const standing = run({ sex: 'female', ageDays: 200, lengthCm: 65, position: 'standing', weightKg: 7 });
    expect(standing.standingUnder9Months).toBe(true);
    expectZ(standing.lengthForAge, handZ(65, rawRow('lenanthro', 'female', 200)));
    expectZ(standing.weightForLength, handRestrictedZ(7, rawRow('wflanthro', 'female', 65)));
  });

  it('the boundary is 9 months = 273.94 days (unrounded)', () => {
    const at = (ageDays: number) => run({ sex: 'female', ageDays, lengthCm: 65, position: 'standing' });
    expect(at(273).standingUnder9Months).toBe(true);
    expect(at(274).standingUnder9Months).toBeUndefined();
    expectZ(at(274).lengthForAge, handZ(65.7, rawRow('lenanthro', 'female', 274)));
  });

  it('absent for recumbent measurements and without a length position', () => {
    expect(run({ sex: 'female', ageDays: 200, lengthCm: 65, position: 'recumbent' }).standingUnder9Months).toBeUndefined();
    expect(run({ sex: 'female', ageDays: 200, lengthCm: 65 }).standingUnder9Months).toBeUndefined();
  });
});

describe('rule 9: measurements that are not positive numbers', () => {
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('%d is treated as missing', (bad) => {
    const base = { sex: 'male', ageDays: 400, weightKg: 10, lengthCm: 75, position: 'recumbent', headCm: 46 } as const;
    expect(Object.keys(run({ ...base, weightKg: bad })).sort()).toEqual(['ageDays', 'headForAge', 'lengthForAge']);
    expect(Object.keys(run({ ...base, lengthCm: bad })).sort()).toEqual(['ageDays', 'headForAge', 'weightForAge']);
    expect(run({ ...base, headCm: bad }).headForAge).toBeUndefined();
  });

  it('a length that the −0.7 cm adjustment makes non-positive is missing', () => {
    expect(run({ sex: 'male', ageDays: 800, lengthCm: 0.5, position: 'recumbent' }).lengthForAge).toBeUndefined();
  });

  it('nothing measured: only the age comes back', () => {
    expect(run({ sex: 'male', ageDays: 10 })).toEqual({ ageDays: 10 });
    expect(run({ sex: 'male' })).toEqual({});
  });
});

describe('sex', () => {
  it('anything but male or female is a programming error', () => {
    expect(() => run({ sex: 'x' as 'male', ageDays: 10, weightKg: 4 })).toThrow(RangeError);
  });
});
