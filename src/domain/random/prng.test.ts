import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion, createPrng } from './prng.ts';

describe('apportion', () => {
  it('parts are whole, non-negative and add up to the total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), { minLength: 1, maxLength: 50 }),
        (total, weights) => {
          const parts = apportion(total, weights);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          for (const p of parts) expect(Number.isInteger(p) && p >= 0).toBe(true);
        },
      ),
    );
  });

  it('follows the weights', () => {
    expect(apportion(100, [1, 3])).toEqual([25, 75]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
  });
});

describe('createPrng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createPrng(845);
    const b = createPrng(845);
    const c = createPrng(846);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect(c.next()).not.toBe(xs[0]);
  });
});
