/**
 * Institution subsidy applications (机构补贴) and utility-price certificates
 * (水电气执行居民生活类价格证明). Money is integer fen.
 */
import { id, request, upload } from '../../../api/client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../../api/types';

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

export const uploadApplicationFile = (applicationId: string, file: File) =>
  upload<SubsidyApplication>(`/api/v1/subsidy-applications/${id(applicationId)}/files`, file);

/** The policy amounts in force; only the institution rates matter here (the family ones are the parents'). */
export const getSubsidyPolicy = () => request<ResponseOf<'/api/v1/subsidy-policy', 'get'>>('GET', '/api/v1/subsidy-policy');

export const getCertificates = (institutionId: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/utility-certificates', 'get'>>(
    'GET',
    `/api/v1/institutions/${id(institutionId)}/utility-certificates`,
  );
export type CertificateRequest = ItemOf<ResponseOf<'/api/v1/institutions/{id}/utility-certificate-requests', 'get'>>;
export type CertificateDecision = BodyOf<'/api/v1/utility-certificate-requests/{id}/decision', 'post'>;

export const getCertificateRequests = (institutionId: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/utility-certificate-requests', 'get'>>(
    'GET',
    `/api/v1/institutions/${id(institutionId)}/utility-certificate-requests`,
  );
export const postCertificateRequest = (institutionId: string) =>
  request<CertificateRequest>('POST', `/api/v1/institutions/${id(institutionId)}/utility-certificate-requests`);
export const getCertificateRequestQueue = () =>
  request<ResponseOf<'/api/v1/utility-certificate-requests', 'get'>>('GET', '/api/v1/utility-certificate-requests?state=open');
export const postCertificateDecision = (requestId: string, decision: CertificateDecision) =>
  request<CertificateRequest>('POST', `/api/v1/utility-certificate-requests/${id(requestId)}/decision`, decision);
export const getVerification = (code: string) => request<Verification>('POST', '/api/v1/public/utility-certificates/verify', { code });
