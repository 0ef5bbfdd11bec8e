/**
 * Indicator arithmetic of issue 14 (definitions are API contracts). Ratios of a zero denominator
 * are null rather than 0 or Infinity: "no population figure" must not read as "no places needed".
 */
export interface IndicatorTargets {
  placesPer1000: number;
  townshipCoverage: number;
  [name: string]: number;
}

/** 14th Five-Year Plan and Lianyungang 2025 goals; the city changes them in settings. */
export const DEFAULT_TARGETS: IndicatorTargets = { placesPer1000: 4.5, townshipCoverage: 1 };

export interface IndicatorCounts {
  population: number;
  under3Population: number;
  places: number;
  inclusivePlaces: number;
  enrolled: number;
  townships: number;
  townshipsWithInclusive: number;
}

export interface Indicators extends IndicatorCounts {
  placesPer1000: number | null;
  inclusiveShare: number | null;
  occupancy: number | null;
  enrolmentRate: number | null;
  townshipCoverage: number | null;
  placesNeeded: number;
  targets: IndicatorTargets;
}

export function ratio(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}

/** Rounded half away from zero on the decimal value, so 4.005 shows as 4.01 as people expect. */
export function round2(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + Number.EPSILON * 100)) / 100;
}

export function placesPer1000(places: number, population: number): number | null {
  const r = ratio(places * 1000, population);
  return r === null ? null : round2(r);
}

/**
 * `max(0, ceil(target × population / 1000) − places)`. Computed in thousandths of a place so a
 * target like 4.5 does not pick up a floating-point tail that would ceil one place too many.
 */
export function placesNeeded(target: number, population: number, places: number): number {
  const milliTarget = Math.round(target * 1000);
  const required = Math.ceil((milliTarget * population) / 1_000_000);
  return Math.max(0, required - places);
}

/**
 * Townships that still need an inclusive institution for the coverage target: `max(0,
 * ceil(target × townships) − covered)`, in thousandths like `placesNeeded`.
 */
export function townshipsToCover(target: number, townships: number, covered: number): number {
  const required = Math.ceil((Math.round(target * 1000) * townships) / 1000);
  return Math.max(0, required - covered);
}

export function computeIndicators(counts: IndicatorCounts, targets: IndicatorTargets): Indicators {
  return {
    ...counts,
    placesPer1000: placesPer1000(counts.places, counts.population),
    inclusiveShare: ratio(counts.inclusivePlaces, counts.places),
    occupancy: ratio(counts.enrolled, counts.places),
    enrolmentRate: ratio(counts.enrolled, counts.under3Population),
    townshipCoverage: ratio(counts.townshipsWithInclusive, counts.townships),
    placesNeeded: placesNeeded(targets.placesPer1000, counts.population, counts.places),
    targets,
  };
}

/**
 * A division's population is its own figure when it has one, else the sum of its children's
 * (a district may publish no figure of its own while its townships do).
 */
export function populationOf(own: number | null, children: readonly number[]): number {
  return own ?? children.reduce((sum, n) => sum + n, 0);
}
