import { DAYS_PER_MONTH, HEIGHT_FROM_DAYS, roundHalfUp } from './age.ts';
import { type Lms, lmsZ, lmsZRestricted } from './lms.ts';
import { normalCdf } from './normal.ts';
import { type GrowthTables, lmsAt, lmsAtLength, type Sex } from './tables.ts';

export type Position = 'recumbent' | 'standing';

export interface GrowthInput {
  readonly sex: Sex;
  /** Age in days; a fraction is rounded half up for the table lookup, as WHO Anthro does. */
  readonly ageDays?: number;
  readonly weightKg?: number;
  /** Length or height as measured; `position` says which. */
  readonly lengthCm?: number;
  readonly position?: Position;
  readonly headCm?: number;
}

export interface IndicatorResult {
  /** z-score rounded to 2 decimals, restricted beyond ±3 for weight-based indicators. */
  readonly z: number;
  /**
   * 100·Φ(z), 1 decimal. Φ is applied to the UNROUNDED z (after the ±3 tail
   * restriction where it applies), so the percentile is not distorted by the
   * 2-decimal rounding of z, which can move it by up to 0.2 points.
   */
  readonly percentile: number;
  /** WHO implausible-value flag, decided on the rounded z as `anthro` does. */
  readonly flag: boolean;
}

export type IndicatorName = 'weightForAge' | 'lengthForAge' | 'weightForLength' | 'bmiForAge' | 'headForAge';

export interface GrowthIndicators {
  /** Whole-day age used for the tables; absent when no usable age was given. */
  ageDays?: number;
  weightForAge?: IndicatorResult;
  lengthForAge?: IndicatorResult;
  /** Weight-for-length before 731 days, weight-for-height from 731 days. */
  weightForLength?: IndicatorResult;
  bmiForAge?: IndicatorResult;
  headForAge?: IndicatorResult;
  /** Present (true) only when a standing measurement before 9 months was ignored as a position. */
  standingUnder9Months?: boolean;
}

const isImplausible: Readonly<Record<IndicatorName, (z: number) => boolean>> = {
  weightForAge: (z) => z < -6 || z > 5,
  lengthForAge: (z) => Math.abs(z) > 6,
  weightForLength: (z) => Math.abs(z) > 5,
  bmiForAge: (z) => Math.abs(z) > 5,
  headForAge: (z) => Math.abs(z) > 5,
};

const positive = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;

function result(name: IndicatorName, zExact: number): IndicatorResult | undefined {
  if (!Number.isFinite(zExact)) return undefined;
  // toFixed matches R's round(z, 2) for every z real inputs produce; `+ 0` turns −0 into 0.
  const z = Number(zExact.toFixed(2)) + 0;
  const percentile = Number((100 * normalCdf(zExact)).toFixed(1)) + 0;
  return { z, percentile, flag: isImplausible[name](z) };
}

function score(name: IndicatorName, y: number, lms: Lms | undefined, restricted: boolean): IndicatorResult | undefined {
  if (lms === undefined) return undefined;
  return result(name, restricted ? lmsZRestricted(y, lms) : lmsZ(y, lms));
}

/**
 * WHO Child Growth Standards z-scores for one visit, following WHO `anthro`
 * (see README.md in this folder for the numbered rules). Indicators that cannot
 * be computed are absent rather than null or NaN.
 */
export function computeGrowthIndicators(input: GrowthInput, tables: GrowthTables): GrowthIndicators {
  const out: GrowthIndicators = {};
  const { sex } = input;
  // The type already says this; the check keeps untyped callers from a TypeError deep in a lookup.
  if (sex !== 'male' && sex !== 'female') throw new RangeError(`sex must be 'male' or 'female', got ${String(sex)}`);
  const hasAge = input.ageDays !== undefined;
  const rawAge = input.ageDays ?? 0;
  // A given but unusable age (negative, NaN) blocks everything, weight-for-length
  // included: it signals bad data, unlike an age that is simply unknown.
  if (hasAge && !(Number.isFinite(rawAge) && rawAge >= 0)) return out;
  const days = hasAge ? roundHalfUp(rawAge) : undefined;
  const months = rawAge / DAYS_PER_MONTH; // unrounded, as in anthro
  if (days !== undefined) {
    out.ageDays = days;
    if (months >= 60) return out;
  }

  let position = input.position;
  if (days !== undefined && position === 'standing' && months < 9) {
    position = undefined;
    out.standingUnder9Months = true;
  }

  let clenhei: number | undefined;
  if (positive(input.lengthCm)) {
    clenhei = input.lengthCm;
    if (days !== undefined && days < HEIGHT_FROM_DAYS && position === 'standing') clenhei += 0.7;
    if (days !== undefined && days >= HEIGHT_FROM_DAYS && position === 'recumbent') clenhei -= 0.7;
    if (!(clenhei > 0)) clenhei = undefined;
  }
  const weight = positive(input.weightKg) ? input.weightKg : undefined;

  const put = (name: IndicatorName, y: number, lms: Lms | undefined, restricted: boolean): void => {
    const r = score(name, y, lms, restricted);
    if (r !== undefined) out[name] = r;
  };
  if (days !== undefined) {
    if (weight !== undefined) put('weightForAge', weight, lmsAt(tables.weightForAge, sex, days), true);
    if (clenhei !== undefined) put('lengthForAge', clenhei, lmsAt(tables.lengthForAge, sex, days), false);
    if (weight !== undefined && clenhei !== undefined) {
      const bmi = weight / (clenhei / 100) ** 2;
      put('bmiForAge', bmi, lmsAt(tables.bmiForAge, sex, days), true);
    }
    if (positive(input.headCm)) put('headForAge', input.headCm, lmsAt(tables.headForAge, sex, days), false);
  }
  if (weight !== undefined && clenhei !== undefined) {
    put('weightForLength', weight, weightForLenheiLms(tables, sex, clenhei, days, position), true);
  }
  return out;
}

/** Table choice and range limits of `anthro`'s weight-for-length/height. */
function weightForLenheiLms(
  tables: GrowthTables,
  sex: Sex,
  clenhei: number,
  days: number | undefined,
  position: Position | undefined,
): Lms | undefined {
  const useLength = days !== undefined ? days < HEIGHT_FROM_DAYS : position !== undefined ? position === 'recumbent' : clenhei < 87;
  const [table, min, max] = useLength ? [tables.weightForLength, 45, 110] : [tables.weightForHeight, 65, 120];
  if (clenhei < min || clenhei > max) return undefined;
  return lmsAtLength(table, sex, clenhei);
}
