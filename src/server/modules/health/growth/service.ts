import { compareIso, type IsoDate } from '../../../../domain/dates/shanghai.ts';
import {
  ageInDays,
  classify,
  computeGrowthIndicators,
  type GrowthTables,
  HEIGHT_FROM_DAYS,
  MAX_AGE_DAYS,
  sdCurve,
} from '../../../../domain/growth/index.ts';
import { fieldError } from '../../../platform/errors/AppError.ts';
import type { CurvesQuery, CurvesResponse, ZscoreRequest, ZscoreResponse } from './schemas.ts';

type ResolvedAge = { ageDays: number; measuredOn?: IsoDate };

/** Age as given, or from birth to the measurement date (default today: these checks need the clock, so no schema makes them). */
function resolveAge(body: ZscoreRequest, today: IsoDate): ResolvedAge {
  if (body.birthDate === undefined) return { ageDays: body.ageDays as number };
  const measuredOn = body.measuredOn ?? today;
  // With both dates given the calculator answers for any case; only "today" must not precede birth.
  if (body.measuredOn === undefined && compareIso(body.birthDate, today) > 0) throw fieldError('body.birthDate', 'date.future');
  if (compareIso(measuredOn, body.birthDate) < 0) throw fieldError('body.measuredOn', 'growth.measuredBeforeBirth');
  return { ageDays: ageInDays(body.birthDate, measuredOn), measuredOn };
}

/** WHO z-scores (domain/growth) with the WHO cut-off label of each indicator. */
export function growthScores(tables: GrowthTables, body: ZscoreRequest, today: IsoDate): ZscoreResponse {
  const age = resolveAge(body, today);
  const { sex, weightKg, lengthCm, position, headCm } = body;
  const r = computeGrowthIndicators({ sex, ageDays: age.ageDays, weightKg, lengthCm, position, headCm }, tables);
  const out: ZscoreResponse = { ageDays: r.ageDays ?? age.ageDays };
  if (age.measuredOn !== undefined) out.measuredOn = age.measuredOn;
  if (r.weightForAge) out.weightForAge = { ...r.weightForAge, classification: classify('weightForAge', r.weightForAge.z) };
  if (r.lengthForAge) out.lengthForAge = { ...r.lengthForAge, classification: classify('lengthForAge', r.lengthForAge.z) };
  if (r.weightForLength) {
    out.weightForLength = {
      ...r.weightForLength,
      classification: classify('weightForLength', r.weightForLength.z),
      // The same switch computeGrowthIndicators makes (WHO anthro: by age, not by position).
      table: out.ageDays < HEIGHT_FROM_DAYS ? 'weightForLength' : 'weightForHeight',
    };
  }
  if (r.bmiForAge) out.bmiForAge = { ...r.bmiForAge, classification: classify('bmiForAge', r.bmiForAge.z) };
  if (r.headForAge) out.headForAge = { ...r.headForAge, classification: classify('headForAge', r.headForAge.z) };
  if (r.standingUnder9Months) out.standingUnder9Months = true;
  return out;
}

type Axis = { unit: 'day' | 'cm'; min: number; max: number; step: number };

const AXES: Readonly<Record<CurvesQuery['indicator'], Axis>> = {
  weightForAge: { unit: 'day', min: 0, max: MAX_AGE_DAYS, step: 7 },
  lengthForAge: { unit: 'day', min: 0, max: MAX_AGE_DAYS, step: 7 },
  bmiForAge: { unit: 'day', min: 0, max: MAX_AGE_DAYS, step: 7 },
  headForAge: { unit: 'day', min: 0, max: MAX_AGE_DAYS, step: 7 },
  // WHO table ranges, both ends included (who-growth README, rule 6).
  weightForLength: { unit: 'cm', min: 45, max: 110, step: 0.5 },
  weightForHeight: { unit: 'cm', min: 65, max: 120, step: 0.5 },
};

const Y_UNIT = {
  weightForAge: 'kg',
  lengthForAge: 'cm',
  bmiForAge: 'kg/m2',
  headForAge: 'cm',
  weightForLength: 'kg',
  weightForHeight: 'kg',
} as const satisfies Record<CurvesQuery['indicator'], CurvesResponse['yUnit']>;

const onTenthGrid = (x: number) => Math.abs(x * 10 - Math.round(x * 10)) < 1e-9;

function validRange(axis: Axis, from: number, to: number, step: number): boolean {
  if (![from, to, step].every(Number.isFinite) || from < axis.min || to > axis.max || from > to) return false;
  // Age tables are indexed by whole day; a length step off the 0.1 cm grid would drift between rows.
  return axis.unit === 'day'
    ? [from, to, step].every(Number.isInteger) && step >= 1 && step <= 366
    : step >= 0.1 && step <= 10 && onTenthGrid(step);
}

/** The −3 … +3 SD lines of one WHO table over a range valid for it. */
export function growthCurves(tables: GrowthTables, query: CurvesQuery): CurvesResponse {
  const axis = AXES[query.indicator];
  const from = query.from ?? axis.min;
  const to = query.to ?? axis.max;
  const step = query.step ?? axis.step;
  if (!validRange(axis, from, to, step)) throw fieldError('querystring', 'growth.curveRange');
  const lines = [-3, -2, -1, 0, 1, 2, 3].map((sd) => ({
    sd,
    // 4 decimals is 0.1 g or 0.001 mm: finer than any chart, and a third of the bytes.
    points: sdCurve(tables, query.indicator, query.sex, sd, from, to, step).map(([x, y]): [number, number] => [x, Number(y.toFixed(4))]),
  }));
  return { indicator: query.indicator, sex: query.sex, xUnit: axis.unit, yUnit: Y_UNIT[query.indicator], lines };
}
