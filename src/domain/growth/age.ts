/** WHO Anthro's month: 365.25 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;

/** Last whole day that still gets z-scores: 1826 / 30.4375 = 59.99 months (1827 is 60.02). */
export const MAX_AGE_DAYS = 1826;

/** Age from which length-based tables give way to height-based ones (24 months). */
export const HEIGHT_FROM_DAYS = 731;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function dayNumber(date: string): number {
  const match = DATE.exec(date);
  if (match === null) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 onto 1900–1999.
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) {
    throw new RangeError(`no such calendar date: "${date}"`);
  }
  return Math.round(t.getTime() / MS_PER_DAY);
}

/**
 * Whole days from birth to measurement (WHO Anthro manual §3.3.1: "exact age in
 * days calculated using DoB and DoV"). Calendar dates only, counted in UTC, so
 * no time zone or daylight-saving shift can move the result. Negative when the
 * visit precedes the birth date; callers decide what that means.
 */
export function ageInDays(birthDate: string, measuredOn: string): number {
  return dayNumber(measuredOn) - dayNumber(birthDate);
}

/** `anthro`'s round_up: fractions of .5 and more go up (ages are never negative here). */
export function roundHalfUp(x: number): number {
  const floor = Math.floor(x);
  return x - floor >= 0.5 ? floor + 1 : floor;
}
