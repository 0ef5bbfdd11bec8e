import type { GrowthIndicators, IndicatorName } from './zscores.ts';

/** The measured values a growth entry holds, as its form and API name them. */
export type MeasuredField = 'weightKg' | 'lengthCm' | 'headCm';

/** Which field a score reads: weight-for-length and BMI are read as the weight's, the length having its own score. */
const FIELD_OF: Readonly<Record<IndicatorName, MeasuredField>> = {
  weightForAge: 'weightKg',
  lengthForAge: 'lengthCm',
  weightForLength: 'weightKg',
  bmiForAge: 'weightKg',
  headForAge: 'headCm',
};

/** Beyond ±3 SD a value is rare (about 1 child in 370) but real: it is kept once the recorder confirms it. */
export const CONFIRM_BEYOND_Z = 3;

export type Plausibility = { refused: MeasuredField[]; toConfirm: MeasuredField[] };

/**
 * Whether an entry may be stored, for the child's sex and age that day:
 * - refused: a score WHO Anthro flags as biologically implausible (weight-for-age below −6 or
 *   above +5, length/height-for-age beyond ±6, weight-for-length, BMI and head beyond ±5; WHO
 *   Anthro Survey Analyser, "flagged values"). Such a value is nearly always a typing or unit
 *   error (a 95 kg toddler), so it is refused rather than stored and then ignored;
 * - toConfirm: a score beyond ±3 SD that is not flagged: possible, so the recorder confirms it.
 * An age outside the WHO tables (from 5 years) leaves only the absolute bounds of the form.
 */
export function judgeMeasurement(scores: GrowthIndicators): Plausibility {
  const refused = new Set<MeasuredField>();
  const toConfirm = new Set<MeasuredField>();
  for (const name of Object.keys(FIELD_OF) as IndicatorName[]) {
    const score = scores[name];
    if (!score) continue;
    if (score.flag) refused.add(FIELD_OF[name]);
    else if (Math.abs(score.z) > CONFIRM_BEYOND_Z) toConfirm.add(FIELD_OF[name]);
  }
  const order: MeasuredField[] = ['weightKg', 'lengthCm', 'headCm'];
  return { refused: order.filter((f) => refused.has(f)), toConfirm: order.filter((f) => toConfirm.has(f) && !refused.has(f)) };
}
