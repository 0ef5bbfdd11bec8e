import { createPrng } from '../random/prng.ts';

/**
 * The lottery among applicants (摇号): a Fisher–Yates shuffle driven by a recorded seed, so
 * anyone holding the applicant list (in application order) and the seed can run the draw again
 * and get the same winners. The first `places` of the shuffled list win.
 */
export function drawLottery<T>(applicants: readonly T[], places: number, seed: number): { winners: T[]; losers: T[] } {
  if (!Number.isSafeInteger(places) || places < 0) throw new RangeError(`places must be a non-negative integer: ${places}`);
  const prng = createPrng(seed);
  const order = [...applicants];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(prng.next() * (i + 1));
    [order[i], order[j]] = [order[j] as T, order[i] as T];
  }
  return { winners: order.slice(0, places), losers: order.slice(places) };
}
