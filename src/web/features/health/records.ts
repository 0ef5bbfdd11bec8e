import type { CurveIndicator, GrowthIndicator, GrowthRecord, GrowthRecordFlags, Measurement as StoredMeasurement } from './api';
import { chartPoint } from './growth';

/** The findings a record shows as tags, in the order WHO lists them, then the data-quality flag. */
const FLAG_ORDER: ReadonlyArray<keyof GrowthRecordFlags> = ['underweight', 'stunting', 'wasting', 'overweight', 'implausible'];

export function raisedFlags(flags: GrowthRecordFlags): Array<keyof GrowthRecordFlags> {
  return FLAG_ORDER.filter((name) => flags[name]);
}

/**
 * The WHO table a weight-for-length chart is drawn on: the one the latest scored measurement
 * used (length table before 731 days, height table from 731 days). Earlier points read on the
 * other table would sit on curves they were not scored against, so they stay off this chart.
 */
function weightForLengthTable(items: readonly StoredMeasurement[]): CurveIndicator {
  const scored = items.filter((m) => m.scores.weightForLength);
  return scored.at(-1)?.scores.weightForLength?.table ?? 'weightForLength';
}

type IndicatorSeries = {
  indicator: GrowthIndicator;
  curves: CurveIndicator;
  points: Array<{ x: number; y: number; label: string }>;
};

/**
 * The child's points on one indicator's chart, one per measurement that indicator was computed
 * for: x in the curves' unit (age in days or length in cm), y where WHO read the z-score.
 */
export function indicatorSeries(record: GrowthRecord, indicator: GrowthIndicator): IndicatorSeries {
  const curves = indicator === 'weightForLength' ? weightForLengthTable(record.items) : indicator;
  const points = record.items.flatMap((m) => {
    const score = m.scores[indicator];
    if (!score) return [];
    if (indicator === 'weightForLength' && m.scores.weightForLength?.table !== curves) return [];
    const point = chartPoint(
      indicator,
      {
        sex: record.child.sex,
        weightKg: m.weightKg ?? undefined,
        lengthCm: m.lengthCm ?? undefined,
        position: m.position ?? undefined,
        headCm: m.headCm ?? undefined,
      },
      m.ageDays,
    );
    return point ? [{ ...point, label: m.measuredOn }] : [];
  });
  return { indicator, curves, points };
}
