import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAccess, DEFAULT_E2SFCA_STEPS, type DemandPoint, type SupplyPoint, type Weighting, weightAt } from './access.ts';
import { greatCircle, greatCircleKm } from './distance.ts';

describe('great-circle distance', () => {
  it('measures one degree of latitude as about 111 km and is symmetric', () => {
    const a = { lat: 34.6, lng: 119.2 };
    const b = { lat: 35.6, lng: 119.2 };
    expect(greatCircleKm(a, b)).toBeCloseTo(111.2, 1);
    expect(greatCircleKm(b, a)).toBe(greatCircleKm(a, b));
    expect(greatCircleKm(a, a)).toBe(0);
  });
});

describe('distance weights', () => {
  it('steps down 1.0, 0.68, 0.22 by kilometre and is 0 beyond 3 km', () => {
    const w: Weighting = { kind: 'stepped', steps: DEFAULT_E2SFCA_STEPS };
    expect([0.5, 1, 1.5, 2.5, 3, 3.01].map((k) => weightAt(w, k))).toEqual([1, 1, 0.68, 0.22, 0.22, 0]);
  });

  it('Gaussian falls from 1 at the point to 0 at the catchment edge', () => {
    const w: Weighting = { kind: 'gaussian', catchmentKm: 3 };
    expect(weightAt(w, 0)).toBe(1);
    expect(weightAt(w, 3)).toBeCloseTo(0, 12);
    expect(weightAt(w, 1.5)).toBeGreaterThan(weightAt(w, 2));
  });
});

// A city of about 40 km across around Lianyungang: townships and institutions scattered in it.
const coord = fc.record({
  lat: fc.double({ min: 34.4, max: 34.8, noNaN: true }),
  lng: fc.double({ min: 119.0, max: 119.4, noNaN: true }),
});
const demand = fc.array(fc.record({ p: coord, under3: fc.integer({ min: 0, max: 3_000 }) }), { minLength: 1, maxLength: 25 });
const supply = fc.array(fc.record({ p: coord, places: fc.integer({ min: 1, max: 300 }) }), { maxLength: 40 });
const weighting: fc.Arbitrary<Weighting> = fc.oneof(
  fc.double({ min: 0.5, max: 15, noNaN: true }).map((catchmentKm) => ({ kind: 'flat' as const, catchmentKm })),
  fc.constant({ kind: 'stepped' as const, steps: DEFAULT_E2SFCA_STEPS }),
  fc.double({ min: 0.5, max: 15, noNaN: true }).map((catchmentKm) => ({ kind: 'gaussian' as const, catchmentKm })),
);

describe('two-step floating catchment area', () => {
  it('shares out exactly the places counted: Σ under3 × accessPer100 / 100 = supplyCounted', () => {
    fc.assert(
      fc.property(demand, supply, weighting, (d, s, w) => {
        const result = computeAccess({
          demand: d.map((x, i): DemandPoint => ({ id: `d${i}`, under3: x.under3, ...x.p })),
          supply: s.map((x, j): SupplyPoint => ({ id: `s${j}`, places: x.places, ...x.p })),
          weighting: w,
          distance: greatCircle,
        });
        const shared = result.points.reduce((sum, p) => sum + (p.under3 * p.accessPer100) / 100, 0);
        expect(Math.abs(shared - result.supplyCounted)).toBeLessThan(1e-6 * Math.max(1, result.supplyCounted));
      }),
    );
  });

  it('gives two townships sharing one institution the same access, and calls the far one a desert', () => {
    const result = computeAccess({
      demand: [
        { id: 'near-a', under3: 300, lat: 34.6, lng: 119.2 },
        { id: 'near-b', under3: 100, lat: 34.605, lng: 119.2 },
        { id: 'far', under3: 200, lat: 34.9, lng: 119.2 },
      ],
      supply: [{ id: 'nursery', places: 200, lat: 34.602, lng: 119.2 }],
      weighting: { kind: 'flat', catchmentKm: 3 },
      distance: greatCircle,
    });
    expect(result.points.map((p) => p.accessPer100)).toEqual([50, 50, 0]);
    expect(result.points.map((p) => p.placesInReach)).toEqual([200, 200, 0]);
    expect(result.supplyCounted).toBe(200);
    expect(result.deserts).toEqual(['far']);
    expect(result.points[2]?.nearest[0]?.id).toBe('nursery');
  });

  it('uses whatever distance source it is given, so a travel-time matrix can replace the crow flies', () => {
    const times: Record<string, number> = { '0,0': 5, '1,0': 40 };
    const result = computeAccess({
      demand: [
        { id: 'a', under3: 100, lat: 0, lng: 0 },
        { id: 'b', under3: 100, lat: 1, lng: 0 },
      ],
      supply: [{ id: 'x', places: 50, lat: 0, lng: 0 }],
      weighting: { kind: 'flat', catchmentKm: 30 },
      distance: { km: (a, b) => times[`${a.lat},${b.lat}`] ?? Number.POSITIVE_INFINITY },
    });
    expect(result.points.map((p) => p.accessPer100)).toEqual([50, 0]);
  });

  it('counts no places of an institution that no child can reach', () => {
    const result = computeAccess({
      demand: [{ id: 'a', under3: 100, lat: 34.6, lng: 119.2 }],
      supply: [{ id: 'remote', places: 80, lat: 35.6, lng: 119.2 }],
      weighting: { kind: 'stepped', steps: DEFAULT_E2SFCA_STEPS },
      distance: greatCircle,
    });
    expect(result.supplyCounted).toBe(0);
    expect(result.deserts).toEqual(['a']);
  });
});
