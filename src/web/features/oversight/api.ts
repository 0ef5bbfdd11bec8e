/** Oversight and planning (监管与规划): indicators against the targets, accessibility, what-if scenarios. */
import { query, request } from '../../api/client';
import type { BodyOf, ResponseOf } from '../../api/types';

export type Indicators = ResponseOf<'/api/v1/indicators', 'get'>;
export type DivisionIndicators = Indicators['children'][number];
export type Series = ResponseOf<'/api/v1/indicators/series', 'get'>;
export type Access = ResponseOf<'/api/v1/planning/access', 'get'>;
export type AccessPoint = Access['points'][number];
export type ScenarioInput = BodyOf<'/api/v1/planning/scenarios', 'post'>;
export type Scenario = ResponseOf<'/api/v1/planning/scenarios', 'post'>;
export type PublicIndicators = ResponseOf<'/api/v1/public/indicators', 'get'>;

export const getIndicators = (divisionCode: string) => request<Indicators>('GET', `/api/v1/indicators?${query({ divisionCode })}`);
export const getSeries = (divisionCode: string, from: string, to: string) =>
  request<Series>('GET', `/api/v1/indicators/series?${query({ divisionCode, from, to })}`);
export const getAccess = (divisionCode: string) =>
  request<Access>('GET', `/api/v1/planning/access?${query({ divisionCode, method: '2sfca' })}`);
export const postScenario = (input: ScenarioInput) => request<Scenario>('POST', '/api/v1/planning/scenarios', input);
export const getPublicIndicators = (divisionCode: string) =>
  request<PublicIndicators>('GET', `/api/v1/public/indicators?${query({ divisionCode })}`);

/** The workbook is a plain download: the browser sends the session cookie with the link. */
export const indicatorsXlsxHref = (divisionCode: string) => `/api/v1/indicators.xlsx?${query({ divisionCode })}`;
