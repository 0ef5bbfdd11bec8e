/**
 * Institutions (托育机构): the public search and profile, the record (备案信息) with its classes,
 * staff and files, filing and the review queue, and the officials' registry, designations and
 * compliance counts. Money is yuan, as the API sends it.
 */
import { id, query, request, upload } from '../../api/client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types';

export type { InstitutionStatus } from '../../../domain/institutions/filingWorkflow.ts';

// ── public search and profile ────────────────────────────────────────────────

type SearchQuery = QueryOf<'/api/v1/institutions/search', 'get'>;
/** The search as the web states it: yes/no filters are booleans here, `true`/`false` in the query string. */
export type SearchQueryInput = Omit<SearchQuery, 'vacancy' | 'inclusive' | 'noOpenRectification'> & {
  vacancy?: boolean;
  inclusive?: boolean;
  noOpenRectification?: boolean;
};
export type SearchResult = ResponseOf<'/api/v1/institutions/search', 'get'>;
export type PublicSearchItem = ItemOf<SearchResult>;
export type PublicProfile = ResponseOf<'/api/v1/institutions/{id}', 'get'>;

export const searchInstitutions = (input: SearchQueryInput) =>
  request<SearchResult>(
    'GET',
    `/api/v1/institutions/search?${query(Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === undefined || v === false ? undefined : String(v)])))}`,
  );
export const getPublicInstitution = (institutionId: string) => request<PublicProfile>('GET', `/api/v1/institutions/${id(institutionId)}`);
export type MapTiles = ResponseOf<'/api/v1/institutions/map-tiles', 'get'>['tiles'];
export const getMapTiles = async () => (await request<{ tiles: MapTiles }>('GET', '/api/v1/institutions/map-tiles')).tiles;
export type DistrictOutlines = ResponseOf<'/api/v1/divisions/outlines', 'get'>;
export const getDistrictOutlines = () => request<DistrictOutlines>('GET', '/api/v1/divisions/outlines');

// ── the record: the director's, the reviewer's and the registry's view of one institution ──

export type InstitutionRecord = ResponseOf<'/api/v1/institutions/{id}/record', 'get'>;
export type Facts = InstitutionRecord['facts'];
export type OpeningHours = NonNullable<Facts['openingHours']>;
/** Yuan per class type, where the type has an amount. */
export type YuanByType = Facts['monthlyFeeYuan'];
export type RecordClass = InstitutionRecord['classes'][number];
export type StaffMember = InstitutionRecord['staff'][number];
export type StaffRole = StaffMember['role'];
export type Certificate = StaffMember['certificates'][number];
export type Designation = InstitutionRecord['designations'][number];
/** One computed problem; which of the optional fields are set depends on the code (domain/institutions/compliance.ts). */
export type ComplianceProblem = InstitutionRecord['compliance']['problems'][number];
export type FactsPatch = BodyOf<'/api/v1/institutions/{id}', 'patch'>;
export type TransitionInput = BodyOf<'/api/v1/institutions/{id}/transitions', 'post'>;
export type FilingActionName = TransitionInput['action'];

export type StartInstitutionInput = BodyOf<'/api/v1/institutions/start', 'post'>;

/** Anyone signed in starts their own institution as a draft and becomes its director. */
export const startInstitution = (input: StartInstitutionInput) => request<InstitutionRecord>('POST', '/api/v1/institutions/start', input);
export const getInstitutionRecord = (institutionId: string) =>
  request<InstitutionRecord>('GET', `/api/v1/institutions/${id(institutionId)}/record`);
export const patchInstitution = (institutionId: string, patch: FactsPatch) =>
  request<InstitutionRecord>('PATCH', `/api/v1/institutions/${id(institutionId)}`, patch);
export const postInstitutionTransition = (institutionId: string, input: TransitionInput) =>
  request<ResponseOf<'/api/v1/institutions/{id}/transitions', 'post'>>(
    'POST',
    `/api/v1/institutions/${id(institutionId)}/transitions`,
    input,
  );
export const postInstitutionClass = (institutionId: string, input: BodyOf<'/api/v1/institutions/{id}/classes', 'post'>) =>
  request<RecordClass>('POST', `/api/v1/institutions/${id(institutionId)}/classes`, input);
export const postInstitutionStaff = (institutionId: string, input: BodyOf<'/api/v1/institutions/{id}/staff', 'post'>) =>
  request<StaffMember>('POST', `/api/v1/institutions/${id(institutionId)}/staff`, input);

type ClassPatch = BodyOf<'/api/v1/institutions/{id}/classes/{classId}', 'patch'>;
export type StaffPatch = BodyOf<'/api/v1/institutions/{id}/staff/{staffId}', 'patch'>;

export const patchInstitutionClass = (institutionId: string, classId: string, patch: ClassPatch) =>
  request<RecordClass>('PATCH', `/api/v1/institutions/${id(institutionId)}/classes/${id(classId)}`, patch);
/** Refused (409) while children are enrolled in the class or hold an offer of a place in it. */
export const deleteInstitutionClass = (institutionId: string, classId: string) =>
  request<void>('DELETE', `/api/v1/institutions/${id(institutionId)}/classes/${id(classId)}`);
export const patchInstitutionStaff = (institutionId: string, staffId: string, patch: StaffPatch) =>
  request<StaffMember>('PATCH', `/api/v1/institutions/${id(institutionId)}/staff/${id(staffId)}`, patch);
/** The person leaves today; the roster keeps them for history. */
export const deleteInstitutionStaff = (institutionId: string, staffId: string) =>
  request<void>('DELETE', `/api/v1/institutions/${id(institutionId)}/staff/${id(staffId)}`);
export const deleteInstitutionFile = (institutionId: string, fileId: string) =>
  request<void>('DELETE', `/api/v1/institutions/${id(institutionId)}/files/${id(fileId)}`);
/** Every current photo once, the one families see first at the front. */
export const putPhotoOrder = (institutionId: string, photoIds: string[]) =>
  request<void>('PUT', `/api/v1/institutions/${id(institutionId)}/photos/order`, { photoIds });

type FileQuery = QueryOf<'/api/v1/institutions/{id}/files', 'post'>;

/** Multipart upload: the one call that cannot go through `request`'s JSON body. */
export async function uploadInstitutionFile(
  institutionId: string,
  kind: FileQuery['kind'],
  documentType: FileQuery['documentType'] | null,
  file: File,
): Promise<void> {
  const params = documentType ? { kind, documentType } : { kind };
  await upload<unknown>(`/api/v1/institutions/${id(institutionId)}/files?${query(params)}`, file);
}

// ── filing review ────────────────────────────────────────────────────────────

export type FilingQueue = ResponseOf<'/api/v1/institutions/filings', 'get'>;
export type FilingDetail = ResponseOf<'/api/v1/institutions/filings/{filingId}', 'get'>;

export const getFilingQueue = () => request<FilingQueue>('GET', '/api/v1/institutions/filings');
export const getFiling = (filingId: string) => request<FilingDetail>('GET', `/api/v1/institutions/filings/${id(filingId)}`);

// ── the officials' registry: the list in scope, status actions, designations, compliance ──

type RegistryQuery = QueryOf<'/api/v1/institutions', 'get'>;
/** The list's filter as the page holds it; yes/no filters are sent only when on. */
export type RegistryFilter = Omit<RegistryQuery, 'inclusive' | 'hasProblems' | 'page' | 'pageSize'> & {
  inclusive: boolean;
  hasProblems: boolean;
  page: number;
  pageSize: number;
};
type RegistryList = ResponseOf<'/api/v1/institutions', 'get'>;
export type RegistryItem = ItemOf<RegistryList>;
/** The status actions an official takes here; each needs a reason (domain/institutions/filingWorkflow.ts). */
export type StatusAction = Extract<FilingActionName, 'suspend' | 'reinstate' | 'close'>;
export type GrantInput = BodyOf<'/api/v1/institutions/{id}/designations', 'post'>;
export type ComplianceSummary = ResponseOf<'/api/v1/institutions/compliance', 'get'>;
export type ComplianceRow = ComplianceSummary['rows'][number];

function params(values: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

const flag = (on: boolean) => (on ? 'true' : undefined);

/** One page of the entries in scope that match the filter. */
export const getRegistry = ({ inclusive, hasProblems, ...filter }: RegistryFilter) =>
  request<RegistryList>('GET', `/api/v1/institutions?${params({ ...filter, inclusive: flag(inclusive), hasProblems: flag(hasProblems) })}`);

export const postStatusAction = (institutionId: string, action: StatusAction, reason: string) =>
  postInstitutionTransition(institutionId, { action, reason });

export const postDesignation = (institutionId: string, input: GrantInput) =>
  request<Designation>('POST', `/api/v1/institutions/${id(institutionId)}/designations`, input);

export const revokeDesignation = (institutionId: string, designationId: string, reason: string) =>
  request<Designation>('POST', `/api/v1/institutions/${id(institutionId)}/designations/${id(designationId)}/revoke`, { reason });

export const getComplianceSummary = (division?: string) =>
  request<ComplianceSummary>('GET', `/api/v1/institutions/compliance?${params({ division })}`);
