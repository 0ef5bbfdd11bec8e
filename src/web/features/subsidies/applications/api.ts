/**
 * Institution subsidy applications (机构补贴) and utility-price certificates
 * (水电气执行居民生活类价格证明). Money is integer fen.
 */
import { ApiError, type ErrorBody, id, request } from '../../../api/client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../../api/types';
import i18n from '../../../i18n';

export type { ApplicationAction, ApplicationStatus, SubsidyKind } from '../../../../domain/subsidies/institutionSubsidies.ts';

export type SubsidyApplication = ResponseOf<'/api/v1/subsidy-applications/{id}', 'get'>;
/** The facts each kind is judged on: social_insurance insuredStaff × months · new_place newPlaces · operating places × months. */
export type SubsidyDetails = SubsidyApplication['details'];
export type ApplyInput = BodyOf<'/api/v1/institutions/{id}/subsidy-applications', 'post'>;
export type TransitionInput = BodyOf<'/api/v1/subsidy-applications/{id}/transitions', 'post'>;
export type ApplicationFilter = QueryOf<'/api/v1/subsidy-applications', 'get'>;
type ApplicationList = ResponseOf<'/api/v1/subsidy-applications', 'get'>;

export type Certificate = ItemOf<ResponseOf<'/api/v1/institutions/{id}/utility-certificates', 'get'>>;
export type Verification = ResponseOf<'/api/v1/public/utility-certificates/verify', 'post'>;
export type VerificationStatus = Verification['status'];

/** A query string from the defined values, with its `?`; none when nothing is set. */
function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const getInstitutionApplications = (institutionId: string) =>
  request<ApplicationList>('GET', `/api/v1/institutions/${id(institutionId)}/subsidy-applications`);
export const getApplications = (filter: ApplicationFilter) =>
  request<ApplicationList>('GET', `/api/v1/subsidy-applications${query(filter)}`);
export const getApplication = (applicationId: string) =>
  request<SubsidyApplication>('GET', `/api/v1/subsidy-applications/${id(applicationId)}`);
export const postApplication = (institutionId: string, input: ApplyInput) =>
  request<SubsidyApplication>('POST', `/api/v1/institutions/${id(institutionId)}/subsidy-applications`, input);
export const postTransition = (applicationId: string, input: TransitionInput) =>
  request<SubsidyApplication>('POST', `/api/v1/subsidy-applications/${id(applicationId)}/transitions`, input);
export const applicationFileHref = (applicationId: string, fileId: string) =>
  `/api/v1/subsidy-applications/${id(applicationId)}/files/${id(fileId)}`;

/** Multipart upload: the one call that cannot go through `request`'s JSON body. */
export async function uploadApplicationFile(applicationId: string, file: File): Promise<SubsidyApplication> {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(`/api/v1/subsidy-applications/${id(applicationId)}/files`, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    body: form,
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  });
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return parsed as SubsidyApplication;
  const error = (parsed as ErrorBody | undefined)?.error;
  throw new ApiError(
    response.status,
    String(error?.code ?? 'UNEXPECTED_RESPONSE'),
    String(error?.message ?? i18n.t('errors.unexpected', { status: response.status })),
  );
}

/** The policy amounts in force; only the institution rates matter here (the family ones are the parents'). */
export const getSubsidyPolicy = () => request<ResponseOf<'/api/v1/subsidy-policy', 'get'>>('GET', '/api/v1/subsidy-policy');

export const getCertificates = (institutionId: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/utility-certificates', 'get'>>(
    'GET',
    `/api/v1/institutions/${id(institutionId)}/utility-certificates`,
  );
export const postCertificate = (institutionId: string) =>
  request<Certificate>('POST', `/api/v1/institutions/${id(institutionId)}/utility-certificates`);
export const getVerification = (code: string) => request<Verification>('POST', '/api/v1/public/utility-certificates/verify', { code });
