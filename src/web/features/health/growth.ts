import { DAYS_PER_MONTH, HEIGHT_FROM_DAYS, MAX_AGE_DAYS } from '../../../domain/growth/age.ts';
import { classify, type GrowthClass } from '../../../domain/growth/classify.ts';
import type { CurveIndicator, GrowthIndicator, Position, ZscoreInput, ZscoreResult } from './api';

/** The order WHO Anthro lists them in, and the order the page shows them. */
export const INDICATORS: readonly GrowthIndicator[] = ['weightForAge', 'lengthForAge', 'weightForLength', 'bmiForAge', 'headForAge'];

/** The measurement a caller sent, kept beside the result so charts and explanations use the same numbers. */
export type Measurement = Pick<ZscoreInput, 'sex' | 'weightKg' | 'lengthCm' | 'position' | 'headCm'>;

/** Under 24 months a child is measured lying down (length); from 24 months standing (height). */
export function usualPosition(ageDays: number): Position {
  return ageDays < HEIGHT_FROM_DAYS ? 'recumbent' : 'standing';
}

/**
 * The length the WHO tables were read with: +0.7 cm for a standing measurement under 731 days,
 * −0.7 cm for a lying one from 731 days, none for standing under 9 months (position unknown).
 * These are rules 3 and 4 of domain/growth/README.md; a chart point must sit where the z-score
 * was read, or a child on the median would be drawn 0.7 cm off it.
 */
export function tableLength(ageDays: number, lengthCm: number, position: Position | undefined): number {
  if (position === 'standing' && ageDays / DAYS_PER_MONTH < 9) return lengthCm;
  if (position === 'standing' && ageDays < HEIGHT_FROM_DAYS) return lengthCm + 0.7;
  if (position === 'recumbent' && ageDays >= HEIGHT_FROM_DAYS) return lengthCm - 0.7;
  return lengthCm;
}

/** The curve set a computed indicator is drawn against. */
export function curveIndicatorOf(indicator: GrowthIndicator, result: ZscoreResult): CurveIndicator {
  if (indicator !== 'weightForLength') return indicator;
  return result.weightForLength?.table ?? (result.ageDays < HEIGHT_FROM_DAYS ? 'weightForLength' : 'weightForHeight');
}

/** The child's point on an indicator's chart: x in the curves' unit (days or cm), y in the measurement's. */
export function chartPoint(indicator: GrowthIndicator, m: Measurement, ageDays: number): { x: number; y: number } | undefined {
  const length = m.lengthCm === undefined ? undefined : tableLength(ageDays, m.lengthCm, m.position);
  switch (indicator) {
    case 'weightForAge':
      return m.weightKg === undefined ? undefined : { x: ageDays, y: m.weightKg };
    case 'lengthForAge':
      return length === undefined ? undefined : { x: ageDays, y: length };
    case 'weightForLength':
      return length === undefined || m.weightKg === undefined ? undefined : { x: length, y: m.weightKg };
    case 'bmiForAge':
      return length === undefined || m.weightKg === undefined ? undefined : { x: ageDays, y: m.weightKg / (length / 100) ** 2 };
    case 'headForAge':
      return m.headCm === undefined ? undefined : { x: ageDays, y: m.headCm };
  }
}

/** The server sends the label; older or partial answers fall back to the same pure rule. */
export function classificationOf(indicator: GrowthIndicator, score: { z: number; classification?: GrowthClass }): GrowthClass {
  return score.classification ?? classify(indicator, score.z);
}

export type Severity = 'normal' | 'moderate' | 'severe';

export function severityOf(label: GrowthClass): Severity {
  if (label === 'normal') return 'normal';
  return label.startsWith('severely_') || label === 'obese' ? 'severe' : 'moderate';
}

type NotComputedReason =
  | { key: 'ageOutOfRange' }
  | { key: 'noWeight' }
  | { key: 'noLength' }
  | { key: 'noWeightOrLength' }
  | { key: 'noHead' }
  | { key: 'lengthOutOfRange'; min: number; max: number }
  | { key: 'unknown' };

const has = (x: number | undefined): x is number => x !== undefined && x > 0;

/** Why the server left an indicator out: a missing measurement, or an age or length beyond the WHO tables. */
export function notComputedReason(indicator: GrowthIndicator, m: Measurement, ageDays: number): NotComputedReason {
  if (indicator === 'weightForLength') {
    if (!has(m.weightKg) || !has(m.lengthCm)) return { key: 'noWeightOrLength' };
    // Table ranges with both ends included (domain/growth/README.md, rule 6).
    const [min, max] = ageDays < HEIGHT_FROM_DAYS ? [45, 110] : [65, 120];
    const length = tableLength(ageDays, m.lengthCm, m.position);
    return length < min || length > max ? { key: 'lengthOutOfRange', min, max } : { key: 'unknown' };
  }
  if (ageDays > MAX_AGE_DAYS) return { key: 'ageOutOfRange' };
  switch (indicator) {
    case 'weightForAge':
      return has(m.weightKg) ? { key: 'unknown' } : { key: 'noWeight' };
    case 'lengthForAge':
      return has(m.lengthCm) ? { key: 'unknown' } : { key: 'noLength' };
    case 'bmiForAge':
      return has(m.weightKg) && has(m.lengthCm) ? { key: 'unknown' } : { key: 'noWeightOrLength' };
    case 'headForAge':
      return has(m.headCm) ? { key: 'unknown' } : { key: 'noHead' };
  }
}

/** Age in months to one decimal, WHO's month of 365.25 / 12 days. */
export function monthsOf(ageDays: number): number {
  return ageDays / DAYS_PER_MONTH;
}

/**
 * Maps a server field path (`body.weightKg`, `querystring.birthDate`, `body.ticked.0`) to a form
 * field; undefined for errors about the request as a whole (`body`).
 */
export function fieldOfPath(path: string, fields: readonly string[]): string | undefined {
  const field = path.split('.')[1];
  return field !== undefined && fields.includes(field) ? field : undefined;
}
