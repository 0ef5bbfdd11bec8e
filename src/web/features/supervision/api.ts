/** Supervision: the inspector directory, "double random" rounds, results, rectifications and the public history. */
import { id, query, request, upload } from '../../api/client';
import type { BodyOf, QueryOf, ResponseOf } from '../../api/types';

type Directory = ResponseOf<'/api/v1/inspectors', 'get'>;
export type InspectorInput = BodyOf<'/api/v1/inspectors', 'post'>;
export type ConflictInput = BodyOf<'/api/v1/inspectors/{id}/conflicts', 'post'>;
export type RoundList = ResponseOf<'/api/v1/inspection-rounds', 'get'>;
export type RoundInput = BodyOf<'/api/v1/inspection-rounds', 'post'>;
export type RoundCreated = ResponseOf<'/api/v1/inspection-rounds', 'post'>;
export type Rerun = ResponseOf<'/api/v1/inspection-rounds/{id}/rerun', 'post'>;
export type InspectionSummary = ResponseOf<'/api/v1/inspections', 'get'>[number];
export type Inspection = ResponseOf<'/api/v1/inspections/{id}', 'get'>;
export type ResultsInput = BodyOf<'/api/v1/inspections/{id}/results', 'post'>;
export type Rectification = ResponseOf<'/api/v1/rectifications', 'get'>[number];
export type DecisionInput = BodyOf<'/api/v1/rectifications/{id}/decision', 'post'>;
type PublicHistory = ResponseOf<'/api/v1/public/institutions/{id}/inspections', 'get'>;
type PublicStatus = ResponseOf<'/api/v1/public/inspection-statuses', 'get'>[number];

export const getDirectory = (divisionCode: string) => request<Directory>('GET', `/api/v1/inspectors?${query({ divisionCode })}`);
export const postInspector = (input: InspectorInput) => request<Directory>('POST', '/api/v1/inspectors', input);
export const postConflict = (inspectorId: string, input: ConflictInput) =>
  request<Directory>('POST', `/api/v1/inspectors/${id(inspectorId)}/conflicts`, input);
export const getRounds = (divisionCode: string) => request<RoundList>('GET', `/api/v1/inspection-rounds?${query({ divisionCode })}`);
export const postRound = (input: RoundInput) => request<RoundCreated>('POST', '/api/v1/inspection-rounds', input);
export const postRerun = (roundId: string) => request<Rerun>('POST', `/api/v1/inspection-rounds/${id(roundId)}/rerun`);
export type InspectionFilter = Omit<NonNullable<QueryOf<'/api/v1/inspections', 'get'>>, 'divisionCode'>;
export const getInspections = (divisionCode?: string, filter: InspectionFilter = {}) =>
  request<InspectionSummary[]>('GET', `/api/v1/inspections?${query({ ...filter, ...(divisionCode ? { divisionCode } : {}) })}`);
export const getInspection = (inspectionId: string) => request<Inspection>('GET', `/api/v1/inspections/${id(inspectionId)}`);
export const postResults = (inspectionId: string, input: ResultsInput) =>
  request<Inspection>('POST', `/api/v1/inspections/${id(inspectionId)}/results`, input);
export const getRectifications = (params: { divisionCode?: string; overdue?: 'true' }) =>
  request<Rectification[]>('GET', `/api/v1/rectifications?${query(params)}`);
export const postDecision = (rectificationId: string, input: DecisionInput) =>
  request<Rectification>('POST', `/api/v1/rectifications/${id(rectificationId)}/decision`, input);
export const getPublicHistory = (institutionId: string) =>
  request<PublicHistory>('GET', `/api/v1/public/institutions/${id(institutionId)}/inspections`);
export const getInspectionStatuses = (institutionIds: readonly string[]) =>
  request<PublicStatus[]>('GET', `/api/v1/public/inspection-statuses?${query({ institutionIds: institutionIds.join(',') })}`);
export const itemPhotoUrl = (inspectionId: string, photoId: string) => `/api/v1/inspections/${id(inspectionId)}/photos/${id(photoId)}`;
export const putInspectorActive = (inspectorId: string, active: boolean) =>
  request<Directory>('PUT', `/api/v1/inspectors/${id(inspectorId)}/active`, { active });
export const evidencePhotoUrl = (rectificationId: string, evidenceId: string) =>
  `/api/v1/rectifications/${id(rectificationId)}/evidence/${id(evidenceId)}/photo`;

/** Evidence of rectification: text and an optional photo, as multipart form data. */
export function uploadEvidence(rectificationId: string, text: string, photo: File | undefined): Promise<Rectification> {
  const form = new FormData();
  form.append('text', text);
  if (photo) form.append('photo', photo);
  return upload<Rectification>(`/api/v1/rectifications/${id(rectificationId)}/evidence`, form);
}
