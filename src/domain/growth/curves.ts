import { MAX_AGE_DAYS } from './age.ts';
import { type Lms, valueAtZ, valueAtZRestricted } from './lms.ts';
import { type GrowthTables, lmsAt, lmsAtLength, type Sex, type TableName } from './tables.ts';

export type CurvePoint = readonly [x: number, value: number];

/** Tables whose z-scores use the restricted tails; their curves must use the same rule. */
const RESTRICTED: ReadonlySet<TableName> = new Set(['weightForAge', 'weightForLength', 'weightForHeight', 'bmiForAge']);

/** Measurement at z for one table point, with the WHO tail rule where it applies. */
export function valueAtZFor(table: TableName, lms: Lms, z: number): number {
  return RESTRICTED.has(table) ? valueAtZRestricted(lms, z) : valueAtZ(lms, z);
}

/**
 * Points of the curve "z SD" for a chart, y = M·(1 + L·S·z)^(1/L).
 * The x axis is age in whole days for the age tables (from, to, step in days,
 * integers, capped at day 1826 like the z-scores) and length or height in cm for
 * weightForLength / weightForHeight (interpolated between 0.1 cm rows like the
 * z-scores). Points run from `from` while ≤ `to`; those outside the table are skipped.
 */
export function sdCurve(tables: GrowthTables, table: TableName, sex: Sex, z: number, from: number, to: number, step: number): CurvePoint[] {
  if (![z, from, to, step].every(Number.isFinite) || step <= 0) {
    throw new RangeError('sdCurve: z, from, to must be finite and step positive');
  }
  const t = tables[table];
  const byDay = t.keyUnit === 'day';
  if (byDay && ![from, to, step].every(Number.isInteger)) {
    throw new RangeError('sdCurve: age curves take whole days');
  }
  const points: CurvePoint[] = [];
  for (let i = 0; ; i++) {
    // Multiplying instead of accumulating keeps 0.1 cm steps on the grid; the
    // rounding removes the remaining binary noise (45.300000000000004).
    const x = byDay ? from + i * step : Math.round((from + i * step) * 1e9) / 1e9;
    if (x > to) break;
    if (byDay && x > MAX_AGE_DAYS) break;
    const lms = byDay ? lmsAt(t, sex, x) : lmsAtLength(t, sex, x);
    if (lms === undefined) continue;
    const y = valueAtZFor(table, lms, z);
    if (Number.isFinite(y)) points.push([x, y]);
  }
  return points;
}
