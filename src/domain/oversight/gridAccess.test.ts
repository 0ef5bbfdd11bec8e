import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_E2SFCA_STEPS, type Weighting } from './access.ts';
import { greatCircle } from './distance.ts';
import { computeGridAccess, nearestTownship } from './gridAccess.ts';

// A city of about 40 km across around Lianyungang, as in access.test.ts.
const coord = fc.record({
  lat: fc.double({ min: 34.4, max: 34.8, noNaN: true }),
  lng: fc.double({ min: 119.0, max: 119.4, noNaN: true }),
});
const cells = fc.array(fc.record({ p: coord, under3: fc.integer({ min: 0, max: 400 }) }), { minLength: 1, maxLength: 120 });
const townships = fc.array(coord, { minLength: 1, maxLength: 12 });
const supply = fc.array(fc.record({ p: coord, places: fc.integer({ min: 1, max: 300 }) }), { maxLength: 30 });
const weighting: fc.Arbitrary<Weighting> = fc.oneof(
  fc.double({ min: 0.5, max: 15, noNaN: true }).map((catchmentKm) => ({ kind: 'flat' as const, catchmentKm })),
  fc.constant({ kind: 'stepped' as const, steps: DEFAULT_E2SFCA_STEPS }),
  fc.double({ min: 0.5, max: 15, noNaN: true }).map((catchmentKm) => ({ kind: 'gaussian' as const, catchmentKm })),
);

describe('accessibility over a population grid', () => {
  it('shares out exactly the places counted over the townships, whichever of them form the area', () => {
    fc.assert(
      fc.property(cells, townships, supply, weighting, fc.integer({ min: 1, max: 12 }), (c, t, s, w, areaSize) => {
        const result = computeGridAccess({
          cells: c.map((x) => ({ ...x.p, under3: x.under3 })),
          cityTownships: t.map((p, i) => ({ id: i, ...p })),
          inArea: (id) => id < areaSize,
          supply: s.map((x, j) => ({ id: j, places: x.places, ...x.p })),
          weighting: w,
          distance: greatCircle,
        });
        const shared = result.townships.reduce((sum, p) => sum + (p.under3 * p.accessPer100) / 100, 0);
        expect(Math.abs(shared - result.supplyCounted)).toBeLessThan(1e-6 * Math.max(1, result.supplyCounted));
        // Every child of a cell in the area is counted in exactly one township of it.
        expect(result.townships.reduce((sum, p) => sum + p.under3, 0)).toBe(result.cells.reduce((sum, x) => sum + x.under3, 0));
        const belowThreshold = result.cells.filter((x) => x.under3 > 0 && x.accessPer100 < 33);
        expect(result.childrenInDeserts).toBe(belowThreshold.reduce((sum, x) => sum + x.under3, 0));
      }),
    );
  });

  it('gives a cell to the nearest township of the whole city, and leaves out cells of townships outside the area', () => {
    // West (in the area) at lng 119.20, east (not in it) at 119.30; the cells lie between.
    const city = [
      { id: 'west', lat: 34.6, lng: 119.2 },
      { id: 'east', lat: 34.6, lng: 119.3 },
    ];
    expect(nearestTownship({ lat: 34.6, lng: 119.24 }, city, greatCircle)).toBe('west');
    expect(nearestTownship({ lat: 34.6, lng: 119.26 }, city, greatCircle)).toBe('east');

    const result = computeGridAccess({
      cells: [
        { lat: 34.6, lng: 119.2, under3: 60 },
        { lat: 34.6, lng: 119.24, under3: 40 },
        { lat: 34.6, lng: 119.26, under3: 500 },
      ],
      cityTownships: city,
      inArea: (id) => id === 'west',
      // 30 places beside west's point: a 3 km catchment reaches the first cell only.
      supply: [{ id: 'nursery', places: 30, lat: 34.6, lng: 119.201 }],
      weighting: { kind: 'flat', catchmentKm: 3 },
      distance: greatCircle,
    });
    expect(result.cells.map((c) => [c.lng, c.township, c.accessPer100])).toEqual([
      [119.2, 'west', 50],
      [119.24, 'west', 0],
    ]);
    // (60 × 50 + 40 × 0) / 100 children
    expect(result.townships).toEqual([{ id: 'west', under3: 100, accessPer100: 30 }]);
    expect(result.supplyCounted).toBe(30);
    expect(result.deserts).toEqual(['west']);
    expect(result.childrenInDeserts).toBe(40);
  });
});
