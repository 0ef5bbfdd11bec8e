import type { GrowthIndicators, IndicatorResult } from '../growth/zscores.ts';

/** What a child's growth record calls out at one measurement, on top of each indicator's label. */
export type GrowthFlags = {
  /** 低体重 — weight-for-age below −2 SD. */
  underweight: boolean;
  /** 生长迟缓 — length/height-for-age below −2 SD. */
  stunting: boolean;
  /** 消瘦 — weight-for-length/height below −2 SD. */
  wasting: boolean;
  /** 超重 — weight-for-length/height above +2 SD (BMI-for-age when weight-for-length cannot be read). */
  overweight: boolean;
  /** 数值可疑 — at least one indicator beyond WHO's plausibility limits: re-measure before reading it. */
  implausible: boolean;
};

export const GROWTH_FLAG_NAMES = ['underweight', 'stunting', 'wasting', 'overweight', 'implausible'] as const satisfies ReadonlyArray<
  keyof GrowthFlags
>;

/**
 * A score that can be read as a finding. WHO Anthro leaves flagged (implausible) z-scores out of
 * every prevalence (WHO Anthro Survey Analyser, "flagged values are excluded"), because they are
 * nearly always measuring or typing errors; a record does the same, so one mistyped weight says
 * "implausible" and not "severely underweight".
 */
const readable = (score: IndicatorResult | undefined): score is IndicatorResult => score !== undefined && !score.flag;

/**
 * The four WHO nutrition findings for children under five and the implausible-value flag, from
 * one measurement's z-scores (src/domain/growth). Cut-offs are those of the WHO Child Growth
 * Standards as used in WHO/UNICEF joint malnutrition estimates: below −2 SD for underweight,
 * stunting and wasting, above +2 SD for overweight, strict as in `classify` (−2.00 is normal).
 */
export function growthFlags(scores: GrowthIndicators): GrowthFlags {
  const { weightForAge, lengthForAge, weightForLength, bmiForAge, headForAge } = scores;
  // WHO reads excess weight on weight-for-length/height; BMI-for-age carries the same cut-offs and
  // stands in only when the length lies outside the weight-for-length table (45–110 / 65–120 cm).
  const excess = readable(weightForLength) ? weightForLength : readable(bmiForAge) && !weightForLength ? bmiForAge : undefined;
  return {
    underweight: readable(weightForAge) && weightForAge.z < -2,
    stunting: readable(lengthForAge) && lengthForAge.z < -2,
    wasting: readable(weightForLength) && weightForLength.z < -2,
    overweight: excess !== undefined && excess.z > 2,
    implausible: [weightForAge, lengthForAge, weightForLength, bmiForAge, headForAge].some((s) => s?.flag === true),
  };
}
