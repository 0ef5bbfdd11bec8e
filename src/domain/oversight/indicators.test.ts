import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeIndicators, DEFAULT_TARGETS, placesNeeded, placesPer1000, populationOf, townshipsToCover } from './indicators.ts';

describe('indicator arithmetic', () => {
  it('gives places per 1,000 people to two decimals', () => {
    expect(placesPer1000(20_700, 4_599_360)).toBe(4.5);
    expect(placesPer1000(1, 3)).toBe(333.33);
    expect(placesPer1000(10, 0)).toBeNull();
  });

  it('asks for the places that reach 4.5 per 1,000 exactly, with no float tail', () => {
    // 4.5 × 1,000,000 / 1,000 is 4,500 places, not 4,501.
    expect(placesNeeded(4.5, 1_000_000, 0)).toBe(4_500);
    expect(placesNeeded(4.5, 1_001, 0)).toBe(5);
    expect(placesNeeded(4.5, 1_000_000, 5_000)).toBe(0);
  });

  it('counts the townships still to cover for the coverage target', () => {
    expect(townshipsToCover(1, 12, 9)).toBe(3);
    expect(townshipsToCover(1, 12, 12)).toBe(0);
    // 90 % of 7 townships is 6.3: seven are needed, not six.
    expect(townshipsToCover(0.9, 7, 6)).toBe(1);
    expect(townshipsToCover(0.5, 10, 5)).toBe(0);
  });

  it('placesNeeded added to places always reaches the target, and one fewer does not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 100 }).map((n) => n / 10),
        (population, places, target) => {
          const needed = placesNeeded(target, population, places);
          expect((places + needed) * 1000).toBeGreaterThanOrEqual((Math.round(target * 1000) * population) / 1000);
          if (needed > 0) expect((places + needed - 1) * 1000 < (Math.round(target * 1000) * population) / 1000).toBe(true);
        },
      ),
    );
  });

  it('computes every ratio of the contract from the counts', () => {
    const ind = computeIndicators(
      {
        population: 200_000,
        under3Population: 5_000,
        places: 800,
        inclusivePlaces: 600,
        enrolled: 640,
        townships: 8,
        townshipsWithInclusive: 6,
      },
      DEFAULT_TARGETS,
    );
    expect(ind).toMatchObject({
      placesPer1000: 4,
      inclusiveShare: 0.75,
      occupancy: 0.8,
      enrolmentRate: 0.128,
      townshipCoverage: 0.75,
      placesNeeded: 100,
      targets: { placesPer1000: 4.5, townshipCoverage: 1 },
    });
  });

  it('leaves a ratio empty rather than zero when its denominator is zero', () => {
    const ind = computeIndicators(
      { population: 0, under3Population: 0, places: 0, inclusivePlaces: 0, enrolled: 0, townships: 0, townshipsWithInclusive: 0 },
      DEFAULT_TARGETS,
    );
    expect([ind.placesPer1000, ind.inclusiveShare, ind.occupancy, ind.enrolmentRate, ind.townshipCoverage]).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("uses a division's own population, else the sum of its children's", () => {
    expect(populationOf(918_000, [400_000, 500_000])).toBe(918_000);
    expect(populationOf(null, [400_000, 500_000])).toBe(900_000);
  });
});
