export { ageInDays, DAYS_PER_MONTH, HEIGHT_FROM_DAYS, MAX_AGE_DAYS } from './age.ts';
export { classify, type GrowthClass, type GrowthClassByIndicator } from './classify.ts';
export { type CurvePoint, sdCurve, valueAtZFor } from './curves.ts';
export { type Lms, lmsZ, lmsZRestricted, valueAtZ, valueAtZRestricted } from './lms.ts';
export { normalCdf } from './normal.ts';
export { CONFIRM_BEYOND_Z, judgeMeasurement, type MeasuredField, type Plausibility } from './plausibility.ts';
export {
  buildGrowthTables,
  buildLmsTable,
  type GrowthTables,
  type KeyColumn,
  type LmsRow,
  type LmsTable,
  lmsAt,
  lmsAtLength,
  parseLmsCsv,
  type Sex,
  TABLE_NAMES,
  TABLE_SOURCES,
  type TableName,
} from './tables.ts';
export {
  computeGrowthIndicators,
  type GrowthIndicators,
  type GrowthInput,
  type IndicatorName,
  type IndicatorResult,
  type Position,
} from './zscores.ts';
