/**
 * Health: WHO growth scores and curves, the child health check schedule (儿童健康检查), the
 * developmental warning signs (发育预警征), stored growth records and illness alerts.
 */
import type { CurvePoint } from '../../../domain/growth/curves.ts';
import type { IndicatorName } from '../../../domain/growth/zscores.ts';
import { id, query, request } from '../../api/client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types';

export type { Sex } from '../../../domain/growth/tables.ts';
export type { IndicatorName as GrowthIndicator, Position } from '../../../domain/growth/zscores.ts';
export type { Bilingual } from '../../../domain/health/bilingual.ts';

export type ZscoreInput = BodyOf<'/api/v1/growth/zscores', 'post'>;
export type ZscoreResult = ResponseOf<'/api/v1/growth/zscores', 'post'>;
/** One indicator's result, with the WHO cut-off label (domain/growth/classify.ts). */
export type GrowthScore = NonNullable<ZscoreResult[IndicatorName]>;

export type CurveIndicator = QueryOf<'/api/v1/growth/curves', 'get'>['indicator'];
type RawCurves = ResponseOf<'/api/v1/growth/curves', 'get'>;
/**
 * WHO −3 … +3 SD lines; x is age in whole days or length/height in cm, as `xUnit` says. OpenAPI 3.0
 * cannot say "a pair", so the generated type has `number[]` where the server sends `[x, y]`.
 */
export type GrowthCurves = Omit<RawCurves, 'lines'> & {
  lines: Array<Omit<RawCurves['lines'][number], 'points'> & { points: CurvePoint[] }>;
};

type HealthCheckSchedule = ResponseOf<'/api/v1/health-checks/schedule', 'get'>;
export type HealthCheckVisit = HealthCheckSchedule['visits'][number];
export type HealthCheckStatus = HealthCheckVisit['status'];
type WarningSigns = ResponseOf<'/api/v1/warning-signs', 'get'>;
export type WarningSignChecklist = WarningSigns['checklists'][number];
export type WarningSignAssessment = ResponseOf<'/api/v1/warning-signs/assess', 'post'>;

/** One stored measurement with its WHO scores for the child's sex and age that day. */
export type GrowthRecord = ResponseOf<'/api/v1/children/{id}/measurements', 'get'>;
export type Measurement = ItemOf<GrowthRecord>;
/** WHO findings at one measurement; an implausible score raises `implausible` instead of a finding. */
export type GrowthRecordFlags = Measurement['flags'];
export type MeasurementInput = BodyOf<'/api/v1/children/{id}/measurements', 'post'>;

export type IllnessAlertList = ResponseOf<'/api/v1/illness-alerts', 'get'>;
export type IllnessAlert = ItemOf<IllnessAlertList>;
export type AlertParty = IllnessAlert['party'];
export type AlertAcknowledgement = IllnessAlert['acknowledgements'][AlertParty];

export const postZscores = (input: ZscoreInput) => request<ZscoreResult>('POST', '/api/v1/growth/zscores', input);
export const getGrowthCurves = (indicator: CurveIndicator, sex: 'male' | 'female') =>
  request<GrowthCurves>('GET', `/api/v1/growth/curves?${query({ indicator, sex })}`);
export const getHealthCheckSchedule = (birthDate: string, done: readonly string[] = []) =>
  request<HealthCheckSchedule>(
    'GET',
    `/api/v1/health-checks/schedule?${query({ birthDate, done: done.length ? done.join(',') : undefined })}`,
  );
export const getWarningSigns = (birthDate: string) => request<WarningSigns>('GET', `/api/v1/warning-signs?${query({ birthDate })}`);
export const assessWarningSigns = (ageMonths: number, ticked: readonly string[]) =>
  request<WarningSignAssessment>('POST', '/api/v1/warning-signs/assess', { ageMonths, ticked });

export const getGrowthRecord = (childId: string) => request<GrowthRecord>('GET', `/api/v1/children/${id(childId)}/measurements`);
export const postMeasurement = (childId: string, input: MeasurementInput) =>
  request<Measurement>('POST', `/api/v1/children/${id(childId)}/measurements`, input);
export const putMeasurement = (measurementId: string, input: MeasurementInput) =>
  request<Measurement>('PUT', `/api/v1/measurements/${id(measurementId)}`, input);
export const deleteMeasurement = (measurementId: string) => request<null>('DELETE', `/api/v1/measurements/${id(measurementId)}`);
export const getIllnessAlerts = (status: 'open' | 'all') => request<IllnessAlertList>('GET', `/api/v1/illness-alerts?${query({ status })}`);
export const acknowledgeIllnessAlert = (alertId: string) =>
  request<IllnessAlert>('POST', `/api/v1/illness-alerts/${id(alertId)}/acknowledge`);
