import { compareIso, type IsoDate } from '../../../../domain/dates/shanghai.ts';
import { ageInDays, type GrowthTables } from '../../../../domain/growth/index.ts';
import { growthFlags } from '../../../../domain/health/growthFlags.ts';
import type { findChildSummaries } from '../../children/index.ts';
import type { ZscoreRequest, ZscoreResponse } from '../growth/schemas.ts';
import { growthScores } from '../growth/service.ts';
import type { MeasurementRow } from './queries.ts';
import type { MeasurementView } from './schemas.ts';

/** A child as a z-score needs them: sex and birth date, and the name the page shows. */
export type GrowthChild = Awaited<ReturnType<typeof findChildSummaries>>[number];

type Sex = 'male' | 'female';

const kg = (grams: number | null) => (grams === null ? undefined : grams / 1000);
const cm = (mm: number | null) => (mm === null ? undefined : mm / 10);

/** The WHO scores of one measurement: the calculator's own computation, so the two never disagree. */
function scoresOf(tables: GrowthTables, child: GrowthChild, measuredOn: IsoDate, measurement: Omit<ZscoreRequest, 'sex'>): ZscoreResponse {
  // A birth date corrected after the measurement could put it before birth: show it, score nothing.
  if (compareIso(measuredOn, child.birth_date) < 0) return { ageDays: ageInDays(child.birth_date, measuredOn) };
  return growthScores(tables, { ...measurement, sex: child.sex as Sex, birthDate: child.birth_date, measuredOn }, measuredOn);
}

/** One stored measurement with its WHO scores and flags for the child's sex and age on that day. */
export function presentMeasurement(tables: GrowthTables, child: GrowthChild, row: MeasurementRow): MeasurementView {
  const position = (row.position ?? undefined) as 'recumbent' | 'standing' | undefined;
  const measurement = { weightKg: kg(row.weight_g), lengthCm: cm(row.length_mm), position, headCm: cm(row.head_mm) };
  const { ageDays, measuredOn: _measuredOn, standingUnder9Months, ...scores } = scoresOf(tables, child, row.measured_on, measurement);
  return {
    id: row.id,
    measuredOn: row.measured_on,
    ageDays,
    weightKg: measurement.weightKg ?? null,
    lengthCm: measurement.lengthCm ?? null,
    position: position ?? null,
    headCm: measurement.headCm ?? null,
    source: row.source as MeasurementView['source'],
    institutionName: row.institution_name,
    recordedByName: row.recorded_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    scores,
    ...(standingUnder9Months ? { standingUnder9Months } : {}),
    flags: growthFlags(scores),
  };
}
