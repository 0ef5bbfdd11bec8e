import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Lms, lmsZ, lmsZRestricted, valueAtZ, valueAtZRestricted } from './lms.ts';
import { loadGrowthTables } from './loadTables.node.ts';
import { TABLE_NAMES } from './tables.ts';
import { computeGrowthIndicators, type GrowthInput, type IndicatorName } from './zscores.ts';

const tables = loadGrowthTables();
const sex = fc.constantFrom('male' as const, 'female' as const);
const age = fc.integer({ min: 0, max: 1826 });

const allRows: Lms[] = TABLE_NAMES.flatMap((t) => [...tables[t].male, ...tables[t].female]);
const anyRow = fc.integer({ min: 0, max: allRows.length - 1 }).map((i) => {
  const lms = allRows[i];
  if (lms === undefined) throw new Error('row index out of range');
  return lms;
});

/** Each indicator as a function of its own measurement, other inputs fixed. */
const indicators: {
  name: IndicatorName;
  range: [number, number];
  input: (y: number) => Omit<GrowthInput, 'sex' | 'ageDays'>;
}[] = [
  { name: 'weightForAge', range: [0.2, 60], input: (y) => ({ weightKg: y }) },
  { name: 'lengthForAge', range: [20, 150], input: (y) => ({ lengthCm: y }) },
  { name: 'weightForLength', range: [0.2, 60], input: (y) => ({ weightKg: y, lengthCm: 90 }) },
  { name: 'bmiForAge', range: [0.2, 60], input: (y) => ({ weightKg: y, lengthCm: 90 }) },
  { name: 'headForAge', range: [10, 70], input: (y) => ({ headCm: y }) },
];

describe('monotonicity: z never decreases as the measurement grows (tails included)', () => {
  it.each(indicators)('$name', ({ name, range, input }) => {
    const y = fc.double({ min: range[0], max: range[1], noNaN: true });
    fc.assert(
      fc.property(sex, age, y, y, (s, a, y1, y2) => {
        const [lo, hi] = y1 <= y2 ? [y1, y2] : [y2, y1];
        const zLo = computeGrowthIndicators({ sex: s, ageDays: a, ...input(lo) }, tables)[name];
        const zHi = computeGrowthIndicators({ sex: s, ageDays: a, ...input(hi) }, tables)[name];
        expect(zLo).toBeDefined();
        expect(zHi).toBeDefined();
        expect(zLo?.z ?? 0).toBeLessThanOrEqual(zHi?.z ?? 0);
        expect(zLo?.percentile ?? 0).toBeLessThanOrEqual(zHi?.percentile ?? 0);
      }),
      { numRuns: 400 },
    );
  });

  it('the unrounded restricted z is strictly increasing across ±3', () => {
    fc.assert(
      fc.property(anyRow, fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 1e-6, max: 2, noNaN: true }), (lms, z, dz) => {
        const y1 = valueAtZRestricted(lms, z);
        const y2 = valueAtZRestricted(lms, z + dz);
        fc.pre(y1 > 0);
        expect(y2).toBeGreaterThan(y1);
        expect(lmsZRestricted(y2, lms)).toBeGreaterThan(lmsZRestricted(y1, lms));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('round trip: z → value → z', () => {
  it('plain LMS within 1e-9 for |z| ≤ 3, every table', () => {
    fc.assert(
      fc.property(anyRow, fc.double({ min: -3, max: 3, noNaN: true }), (lms, z) => {
        expect(Math.abs(lmsZ(valueAtZ(lms, z), lms) - z)).toBeLessThan(1e-9);
      }),
      { numRuns: 3000 },
    );
  });

  it('restricted within 1e-9 for |z| ≤ 6, every table', () => {
    fc.assert(
      fc.property(anyRow, fc.double({ min: -6, max: 6, noNaN: true }), (lms, z) => {
        const y = valueAtZRestricted(lms, z);
        fc.pre(y > 0);
        expect(Math.abs(lmsZRestricted(y, lms) - z)).toBeLessThan(1e-9);
      }),
      { numRuns: 3000 },
    );
  });
});
