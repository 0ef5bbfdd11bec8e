import { describe, expect, it } from 'vitest';
import { resolveDivision, rollUp, type TreeDivision } from './rollup.ts';

const TREE: TreeDivision[] = [
  { code: '329900', parentCode: null, level: 'city' },
  { code: '329901', parentCode: '329900', level: 'district' },
  { code: '329901001', parentCode: '329901', level: 'township' },
  { code: '329901002', parentCode: '329901', level: 'township' },
];
const inTree = (code: string) => TREE.some((d) => d.code === code);

describe('roll-up over the tree of a date', () => {
  it('places an institution of a merged township under its successor, of an unknown one under its district', () => {
    const successors = new Map([
      ['329901009', '329901008'],
      ['329901008', '329901002'],
    ]);
    expect(resolveDivision('329901001', inTree, successors)).toBe('329901001');
    expect(resolveDivision('329901009', inTree, successors)).toBe('329901002');
    expect(resolveDivision('329901777', inTree, successors)).toBe('329901');
    expect(resolveDivision('329955001', inTree, successors)).toBeNull();
  });

  it('takes a division’s own population, else its children’s sum; counts coverage only for inclusive places in a township', () => {
    const counts = rollUp({
      divisions: TREE,
      successors: new Map(),
      population: new Map([
        ['329900', { total: 50_000, under3: 1_500 }],
        ['329901001', { total: 8_000, under3: 200 }],
        ['329901002', { total: 2_000, under3: 60 }],
      ]),
      institutions: [
        { divisionCode: '329901001', places: 20, inclusive: true, enrolled: 5 },
        { divisionCode: '329901777', places: 10, inclusive: true, enrolled: 1 },
      ],
    });
    expect(counts.get('329900')).toEqual({
      population: 50_000,
      under3Population: 1_500,
      places: 30,
      inclusivePlaces: 30,
      enrolled: 6,
      townships: 2,
      townshipsWithInclusive: 1,
    });
    expect(counts.get('329901')).toMatchObject({ population: 10_000, under3Population: 260, places: 30, townshipsWithInclusive: 1 });
    expect(counts.get('329901002')).toMatchObject({ places: 0, townships: 1, townshipsWithInclusive: 0 });
  });
});
