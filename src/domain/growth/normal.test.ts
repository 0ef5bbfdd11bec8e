import { describe, expect, it } from 'vitest';
import { normalCdf } from './normal.ts';

// Reference values of Φ to 16 digits (0.5·erfc(−x/√2) in IEEE double, the
// same figures as printed normal tables where those go that far).
const reference: [number, number][] = [
  [0, 0.5],
  [0.5, 0.6914624612740131],
  [1, 0.8413447460685429],
  [1.96, 0.9750021048517795],
  [2, 0.9772498680518208],
  [3, 0.9986501019683699],
  [-1.645, 0.04998490553912137],
  [-3, 0.0013498980316300957],
  [-5, 2.866515718791946e-7],
  [-6, 9.865876450377012e-10],
];

describe('normalCdf', () => {
  it.each(reference)('Φ(%d) matches the reference to 1e-14 absolute', (x, p) => {
    expect(Math.abs(normalCdf(x) - p)).toBeLessThan(1e-14);
  });

  it('meets the values quoted in the brief to 7 decimals', () => {
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 7);
    expect(normalCdf(-3)).toBeCloseTo(0.0013499, 7);
  });

  it('keeps relative precision in the far lower tail', () => {
    expect(Math.abs(normalCdf(-6) / 9.865876450377012e-10 - 1)).toBeLessThan(1e-8);
    expect(Math.abs(normalCdf(-8) / 6.220960574271819e-16 - 1)).toBeLessThan(1e-8);
  });

  it('is symmetric, monotonic and bounded', () => {
    let prev = 0;
    for (let x = -10; x <= 10; x += 0.01) {
      const p = normalCdf(x);
      expect(p).toBeGreaterThanOrEqual(prev);
      expect(Math.abs(p + normalCdf(-x) - 1)).toBeLessThan(1e-15);
      prev = p;
    }
    expect(normalCdf(-40)).toBe(0);
    expect(normalCdf(40)).toBe(1);
    expect(normalCdf(Number.NaN)).toBeNaN();
  });
});
