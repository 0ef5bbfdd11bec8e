import { describe, expect, it } from 'vitest';
import { loadGrowthTables } from './loadTables.node.ts';
import { rawRow } from './rawWho.testkit.ts';
import { buildLmsTable, lmsAt, lmsAtLength, parseLmsCsv, TABLE_NAMES } from './tables.ts';

const tables = loadGrowthTables();

describe('parseLmsCsv', () => {
  it('reads rows with sex, key and LMS, ignoring the L/H code column', () => {
    const rows = parseLmsCsv('sex,length,l,m,s,lorh\r\n1,45,-0.3521,2.441,0.09182,L\r\n2,45.1,-0.3833,2.4607,0.09029,L\r\n');
    expect(rows).toEqual([
      { sex: 'male', key: 45, l: -0.3521, m: 2.441, s: 0.09182 },
      { sex: 'female', key: 45.1, l: -0.3833, m: 2.4607, s: 0.09029 },
    ]);
  });

  it('rejects a wrong header, a wrong key column, a bad sex or a non-number', () => {
    expect(() => parseLmsCsv('sex,age,m,l,s\n')).toThrow(/header/);
    expect(() => parseLmsCsv('sex,age,l,m,s\n', 'length')).toThrow(/expected "length"/);
    expect(() => parseLmsCsv('sex,age,l,m,s\n3,0,1,2,0.1\n')).toThrow(/sex/);
    expect(() => parseLmsCsv('sex,age,l,m,s\n1,0,1,x,0.1\n')).toThrow(/m is not a number/);
    expect(() => parseLmsCsv('sex,age,l,m,s\n1,0,1,2\n')).toThrow(/s is not a number/);
  });
});

describe('buildLmsTable', () => {
  const row = (sex: 'male' | 'female', key: number) => ({ sex, key, l: 1, m: 10, s: 0.1 });

  it('rejects gaps, duplicates and keys off the 0.1 cm grid', () => {
    expect(() => buildLmsTable([row('male', 0), row('male', 2), row('female', 0), row('female', 2)], 'day')).toThrow();
    expect(() => buildLmsTable([row('male', 0), row('male', 0), row('female', 0)], 'day')).toThrow(/duplicate/);
    expect(() => buildLmsTable([row('male', 45.05), row('female', 45.05)], 'tenthCm')).toThrow(/grid/);
    expect(() => buildLmsTable([row('male', 0), row('female', 1)], 'day')).toThrow();
  });
});

describe('loaded WHO tables', () => {
  it('hold every row of the six files, both sexes', () => {
    const counts = Object.fromEntries(TABLE_NAMES.map((n) => [n, tables[n].male.length + tables[n].female.length]));
    expect(counts).toEqual({
      weightForAge: 3714,
      lengthForAge: 3714,
      weightForLength: 1302,
      weightForHeight: 1102,
      bmiForAge: 3714,
      headForAge: 3714,
    });
    expect([tables.weightForLength.firstKey, tables.weightForLength.lastKey]).toEqual([450, 1100]);
    expect([tables.weightForHeight.firstKey, tables.weightForHeight.lastKey]).toEqual([650, 1200]);
  });

  it('index rows by whole day and by tenth of a cm', () => {
    expect(lmsAt(tables.weightForAge, 'female', 1522)).toEqual(rawRow('weianthro', 'female', 1522));
    expect(lmsAt(tables.headForAge, 'male', 1856)).toEqual(rawRow('hcanthro', 'male', 1856));
    expect(lmsAt(tables.weightForLength, 'male', 802)).toEqual(rawRow('wflanthro', 'male', 80.2));
    expect(lmsAt(tables.weightForHeight, 'female', 1200)).toEqual(rawRow('wfhanthro', 'female', 120));
    expect(lmsAt(tables.weightForAge, 'male', 1857)).toBeUndefined();
    expect(lmsAt(tables.weightForAge, 'male', -1)).toBeUndefined();
    expect(lmsAt(tables.weightForAge, 'male', 1.5)).toBeUndefined();
  });

  it('interpolate L, M and S linearly between 0.1 cm rows', () => {
    const lo = rawRow('wflanthro', 'female', 80.2);
    const hi = rawRow('wflanthro', 'female', 80.3);
    const got = lmsAtLength(tables.weightForLength, 'female', 80.25);
    expect(got).toBeDefined();
    for (const k of ['l', 'm', 's'] as const) {
      expect(got?.[k]).toBeCloseTo((lo[k] + hi[k]) / 2, 12);
    }
    expect(lmsAtLength(tables.weightForLength, 'female', 80.2)).toEqual(lo);
    expect(lmsAtLength(tables.weightForLength, 'female', 110)).toEqual(rawRow('wflanthro', 'female', 110));
    expect(lmsAtLength(tables.weightForLength, 'female', 110.05)).toBeUndefined();
    expect(lmsAtLength(tables.weightForLength, 'female', 44.99)).toBeUndefined();
  });
});
