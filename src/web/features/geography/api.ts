/** Administrative divisions (行政区划) and their population figures. */
import { id, request, requestFresh, upload } from '../../api/client';
import type { BodyOf, components, ResponseOf } from '../../api/types';

export type DivisionTree = ResponseOf<'/api/v1/divisions', 'get'>;
/** One division in the tree, with its pinyin ("hai zhou qu") and initials ("hzq") for search. */
export type DivisionNode = components['schemas']['DivisionNode'];
export type Division = ResponseOf<'/api/v1/divisions/{code}', 'get'>;
export type DivisionLevel = Division['level'];
export type Population = Division['population'][number];

export const getDivisions = () => request<DivisionTree>('GET', '/api/v1/divisions');
export const getDivision = (code: string) => request<Division>('GET', `/api/v1/divisions/${id(code)}`);

export type ReferencePointInput = BodyOf<'/api/v1/divisions/{code}/reference-point', 'put'>;
export type ImportResult = ResponseOf<'/api/v1/divisions/population/import', 'post'>;
export const putReferencePoint = (code: string, input: ReferencePointInput) =>
  request<Division>('PUT', `/api/v1/divisions/${id(code)}/reference-point`, input);
/** The two imports the admin makes: yearly population, and reference points. */
const IMPORT_PATHS = {
  population: '/api/v1/divisions/population/import',
  referencePoints: '/api/v1/divisions/reference-points/import',
} as const;
export type ImportKind = keyof typeof IMPORT_PATHS;
export const importFile = (kind: ImportKind, file: File) => upload<ImportResult>(IMPORT_PATHS[kind], file);

/** 人口网格 — a city's population grid, the demand points accessibility may use instead of township centres. */
export type PopulationGrid = ResponseOf<'/api/v1/divisions/{code}/population-grid', 'get'>;
const gridPath = (city: string) => `/api/v1/divisions/${id(city)}/population-grid`;
export const getPopulationGrid = (city: string) => request<PopulationGrid>('GET', gridPath(city));
export const importPopulationGrid = (city: string, file: File) => upload<PopulationGrid>(gridPath(city), file);
/** 区县边界 — every city's imported district outlines with their 审图号; the admin replaces a city's whole. */
export type DistrictOutlines = ResponseOf<'/api/v1/divisions/outlines', 'get'>;
export type OutlinesImport = BodyOf<'/api/v1/divisions/{code}/outlines', 'put'>;
export const getDistrictOutlines = () => requestFresh<DistrictOutlines>('/api/v1/divisions/outlines');
export const putDistrictOutlines = (city: string, body: OutlinesImport) =>
  request<ResponseOf<'/api/v1/divisions/{code}/outlines', 'put'>>('PUT', `/api/v1/divisions/${id(city)}/outlines`, body);
export const removePopulationGrid = (city: string) => request<PopulationGrid>('DELETE', gridPath(city));
