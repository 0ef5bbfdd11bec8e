/**
 * Standard normal distribution function Φ.
 *
 * Hart's double-precision rational approximation (J. F. Hart et al., Computer
 * Approximations, 1968, algorithm 5666) in the form published by G. West,
 * "Better approximations to cumulative normal functions", Wilmott Magazine 2005.
 * Its absolute error is below 1e-14 over the whole line, which keeps a
 * 1-decimal percentile exact; the classic Abramowitz–Stegun 26.2.17 formula
 * (error up to 7.5e-8) would not be good enough near the rounding boundaries.
 */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  const a = Math.abs(x);
  let tail: number;
  if (a > 37) {
    tail = 0;
  } else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      let num = 3.52624965998911e-2 * a + 0.700383064443688;
      num = num * a + 6.37396220353165;
      num = num * a + 33.912866078383;
      num = num * a + 112.079291497871;
      num = num * a + 221.213596169931;
      num = num * a + 220.206867912376;
      let den = 8.83883476483184e-2 * a + 1.75566716318264;
      den = den * a + 16.064177579207;
      den = den * a + 86.7807322029461;
      den = den * a + 296.564248779674;
      den = den * a + 637.333633378831;
      den = den * a + 793.826512519948;
      den = den * a + 440.413735824752;
      tail = (e * num) / den;
    } else {
      // Continued fraction for Mills' ratio; converges fast this far out.
      let cf = a + 0.65;
      cf = a + 4 / cf;
      cf = a + 3 / cf;
      cf = a + 2 / cf;
      cf = a + 1 / cf;
      tail = e / cf / 2.506628274631;
    }
  }
  return x > 0 ? 1 - tail : tail;
}
