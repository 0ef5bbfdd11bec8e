/** Box-Cox power (L), median (M) and coefficient of variation (S) at one table point. */
export interface Lms {
  readonly l: number;
  readonly m: number;
  readonly s: number;
}

/** Plain LMS z-score, WHO 2006 report chapter 7: z = ((y/M)^L − 1) / (L·S). */
export function lmsZ(y: number, { l, m, s }: Lms): number {
  // No WHO row has L = 0, but the Box-Cox limit keeps the formula total.
  if (l === 0) return Math.log(y / m) / s;
  return ((y / m) ** l - 1) / (l * s);
}

/** Measurement at a given z: y = M·(1 + L·S·z)^(1/L), the WHO "SD(z)" curve. */
export function valueAtZ({ l, m, s }: Lms, z: number): number {
  if (l === 0) return m * Math.exp(s * z);
  return m * (1 + l * s * z) ** (1 / l);
}

/**
 * WHO "restricted application of the LMS method" (2006 report, chapter 7):
 * beyond ±3 the z-score grows linearly in y, scaled by the SD2–SD3 distance on
 * that side, because the fitted Box-Cox tails are not trusted that far out.
 * Comparisons are made on the unrounded LMS z, as `anthro` does.
 */
export function lmsZRestricted(y: number, lms: Lms): number {
  const z = lmsZ(y, lms);
  if (z > 3) {
    const sd3 = valueAtZ(lms, 3);
    return 3 + (y - sd3) / (sd3 - valueAtZ(lms, 2));
  }
  if (z < -3) {
    const sdm3 = valueAtZ(lms, -3);
    return -3 + (y - sdm3) / (valueAtZ(lms, -2) - sdm3);
  }
  return z;
}

/** Inverse of {@link lmsZRestricted}, so chart lines beyond ±3 meet the scores children get. */
export function valueAtZRestricted(lms: Lms, z: number): number {
  if (z > 3) {
    const sd3 = valueAtZ(lms, 3);
    return sd3 + (z - 3) * (sd3 - valueAtZ(lms, 2));
  }
  if (z < -3) {
    const sdm3 = valueAtZ(lms, -3);
    return sdm3 + (z + 3) * (valueAtZ(lms, -2) - sdm3);
  }
  return valueAtZ(lms, z);
}
