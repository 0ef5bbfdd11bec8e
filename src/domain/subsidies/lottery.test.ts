import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { drawLottery } from './lottery.ts';

describe('drawLottery', () => {
  test('the same applicants and seed give the same draw', () => {
    const applicants = Array.from({ length: 50 }, (_, i) => `a${i}`);
    expect(drawLottery(applicants, 10, 42)).toEqual(drawLottery(applicants, 10, 42));
    expect(drawLottery(applicants, 10, 42).winners).not.toEqual(drawLottery(applicants, 10, 43).winners);
  });

  test('winners and losers split the applicants exactly', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer(), { maxLength: 60 }), fc.nat(80), fc.integer(), (applicants, places, seed) => {
        const { winners, losers } = drawLottery(applicants, places, seed);
        expect(winners).toHaveLength(Math.min(places, applicants.length));
        expect([...winners, ...losers].sort()).toEqual([...applicants].sort());
      }),
    );
  });

  test('every applicant has about the same chance', () => {
    const wins = new Array(10).fill(0);
    for (let seed = 0; seed < 5_000; seed++) for (const w of drawLottery([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 3, seed).winners) wins[w] += 1;
    for (const n of wins) expect(n).toBeGreaterThan(1_350);
    for (const n of wins) expect(n).toBeLessThan(1_650);
  });
});
