/** Oversight and planning (监管与规划): indicators against the targets, accessibility, what-if scenarios. */
import { query, request } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

export type Indicators = ResponseOf<'/api/v1/indicators', 'get'>;
export type DivisionIndicators = Indicators['children'][number];
export type Series = ResponseOf<'/api/v1/indicators/series', 'get'>;
export type Access = ResponseOf<'/api/v1/planning/access', 'get'>;
/** Demand points: each township at its reference point, or the cells of the city's population grid. */
export type AccessDemand = Access['demand'];
export type ScenarioInput = BodyOf<'/api/v1/planning/scenarios', 'post'>;
export type Scenario = ResponseOf<'/api/v1/planning/scenarios', 'post'>;
export type ScenarioList = ResponseOf<'/api/v1/planning/scenarios', 'get'>;
export type PublicIndicators = ResponseOf<'/api/v1/public/indicators', 'get'>;
export type FilingQueue = ResponseOf<'/api/v1/institutions/filings', 'get'>;
export type ComplianceSummary = ResponseOf<'/api/v1/institutions/compliance', 'get'>;
export type Programs = ResponseOf<'/api/v1/voucher-programs', 'get'>;
export type OversightSettings = ResponseOf<'/api/v1/oversight/settings', 'get'>;
export type OversightSettingsInput = BodyOf<'/api/v1/oversight/settings', 'put'>;

export const getIndicators = (divisionCode: string) => request<Indicators>('GET', `/api/v1/indicators?${query({ divisionCode })}`);
export const getSeries = (divisionCode: string, from: string, to: string) =>
  request<Series>('GET', `/api/v1/indicators/series?${query({ divisionCode, from, to })}`);
export const getAccess = (divisionCode: string, demand: AccessDemand) =>
  request<Access>('GET', `/api/v1/planning/access?${query({ divisionCode, method: '2sfca', demand })}`);
export const postScenario = (input: ScenarioInput) => request<Scenario>('POST', '/api/v1/planning/scenarios', input);
export const getOversightSettings = () => request<OversightSettings>('GET', '/api/v1/oversight/settings');
export const putOversightSettings = (input: OversightSettingsInput) =>
  request<OversightSettings>('PUT', '/api/v1/oversight/settings', input);
export const getScenarios = () => request<ScenarioList>('GET', '/api/v1/planning/scenarios');
export const getPublicIndicators = (divisionCode: string) =>
  request<PublicIndicators>('GET', `/api/v1/public/indicators?${query({ divisionCode })}`);

// The work in hand on a dashboard comes from the routes that own it, scoped as everywhere else.
/** Filings waiting in a division, oldest first: the first one tells how long the queue has waited. */
export const getWaitingFilings = (division: string) =>
  request<FilingQueue>('GET', `/api/v1/institutions/filings?${query({ state: 'open', division, pageSize: '1' })}`);
export const getCompliance = (division: string) =>
  request<ComplianceSummary>('GET', `/api/v1/institutions/compliance?${query({ division })}`);
export const getPrograms = () => request<Programs>('GET', '/api/v1/voucher-programs');

/** The workbook is a plain download: the browser sends the session cookie with the link. */
export const indicatorsXlsxHref = (divisionCode: string) => `/api/v1/indicators.xlsx?${query({ divisionCode })}`;
