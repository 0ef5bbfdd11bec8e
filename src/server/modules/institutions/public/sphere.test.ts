import { describe, expect, it } from 'vitest';
import { chordOf, EARTH_RADIUS_M, earthPoint, greatCircleOf } from './sphere.ts';

describe('distances on earthdistance’s sphere', () => {
  it('turns great-circle distances into chords and back', () => {
    for (const m of [0, 1, 250, 5_000, 50_000, 1_000_000]) expect(greatCircleOf(chordOf(m))).toBeCloseTo(m, 6);
    expect(chordOf(5_000)).toBeLessThan(5_000);
    expect(greatCircleOf(4 * EARTH_RADIUS_M)).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
  });

  it('places points on the sphere as ll_to_earth does', () => {
    const p = earthPoint(34.6, 119.21);
    expect(Math.hypot(p.x, p.y, p.z)).toBeCloseTo(EARTH_RADIUS_M, 3);
    // ll_to_earth(34.6, 119.21) in PostgreSQL 15: (-2562112.8274843167, 4582482.880119763, 3621802.803697849)
    expect(p.x).toBeCloseTo(-2562112.827484, 3);
    expect(p.y).toBeCloseTo(4582482.88012, 3);
    expect(p.z).toBeCloseTo(3621802.803698, 3);
  });
});
