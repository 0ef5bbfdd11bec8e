import type { IndicatorName } from './zscores.ts';

/**
 * Labels per indicator. Cut-offs follow the WHO Child Growth Standards and the
 * WHO Training Course on Child Growth Assessment ("Interpreting growth
 * indicators"): below −2 / −3 for deficits, above +2 / +3 for excess weight.
 */
export interface GrowthClassByIndicator {
  weightForAge: 'severely_underweight' | 'underweight' | 'normal';
  lengthForAge: 'severely_stunted' | 'stunted' | 'normal';
  weightForLength: 'severely_wasted' | 'wasted' | 'normal' | 'overweight' | 'obese';
  bmiForAge: 'severely_wasted' | 'wasted' | 'normal' | 'overweight' | 'obese';
  headForAge: 'microcephaly_risk' | 'normal' | 'macrocephaly_risk';
}

export type GrowthClass = GrowthClassByIndicator[IndicatorName];

type Classifier<I extends IndicatorName> = (z: number) => GrowthClassByIndicator[I];

function weightForLengthClass(z: number): GrowthClassByIndicator['weightForLength'] {
  if (z < -3) return 'severely_wasted';
  if (z < -2) return 'wasted';
  if (z > 3) return 'obese';
  if (z > 2) return 'overweight';
  return 'normal';
}

const classifiers: { readonly [I in IndicatorName]: Classifier<I> } = {
  // WHO does not read a high weight-for-age as overweight; weight-for-length or BMI say that.
  weightForAge: (z) => (z < -3 ? 'severely_underweight' : z < -2 ? 'underweight' : 'normal'),
  // Tall stature is rarely a problem at these ages, so only the low side is labelled.
  lengthForAge: (z) => (z < -3 ? 'severely_stunted' : z < -2 ? 'stunted' : 'normal'),
  weightForLength: weightForLengthClass,
  // WHO reads BMI-for-age with the same cut-offs as weight-for-length/height.
  bmiForAge: weightForLengthClass,
  // ±2 SD is the usual screening threshold; it marks a risk to refer, not a diagnosis.
  headForAge: (z) => (z < -2 ? 'microcephaly_risk' : z > 2 ? 'macrocephaly_risk' : 'normal'),
};

/**
 * Classifies a z-score (normally the rounded `z` of a result). The cut-offs are
 * strict: z = −2.00 is still 'normal', z = −2.01 is not.
 */
export function classify<I extends IndicatorName>(indicator: I, z: number): GrowthClassByIndicator[I] {
  if (!Number.isFinite(z)) throw new RangeError(`z-score must be a finite number, got ${z}`);
  return (classifiers[indicator] as Classifier<I>)(z);
}
