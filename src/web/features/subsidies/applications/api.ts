/**
 * Institution subsidy applications (机构补贴), utility-price certificates (水电气执行居民生活类价格证明)
 * and the officials' side of the national childcare subsidy (育儿补贴). Shapes follow the server's
 * zod schemas in src/server/modules/subsidies; money is integer fen.
 */
import type {
  ApplicationAction,
  ApplicationStatus,
  InstitutionSubsidyRates,
  SubsidyKind,
} from '../../../../domain/subsidies/institutionSubsidies.ts';
import { ApiError, request } from '../../../api/client';
import i18n from '../../../i18n';

export type { ApplicationAction, ApplicationStatus, SubsidyKind };

/** The facts each kind is judged on: social_insurance insuredStaff × months · new_place newPlaces · operating places × months. */
export type SubsidyDetails = { insuredStaff?: number; newPlaces?: number; places?: number; months?: number };

export type SubsidyEvent = {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  actorName: string | null;
  note: string | null;
  amountFen: number | null;
  at: string;
};

export type SubsidyFile = { id: string; filename: string; contentType: string; sizeBytes: number; createdAt: string };

export type SubsidyApplication = {
  id: string;
  institutionId: string;
  institutionName: string;
  districtCode: string;
  kind: SubsidyKind;
  periodFrom: string;
  periodTo: string;
  details: SubsidyDetails;
  description: string;
  requestedFen: number;
  /** What the policy rates give for the facts; null where no rate is set. */
  suggestedFen: number | null;
  approvedFen: number | null;
  status: ApplicationStatus;
  /** What the caller may do now, from the server's workflow table. */
  allowedActions: ApplicationAction[];
  submittedAt: string;
  events: SubsidyEvent[];
  files: SubsidyFile[];
};

export type ApplyInput = {
  kind: SubsidyKind;
  periodFrom: string;
  periodTo: string;
  details: SubsidyDetails;
  requestedFen: number;
  description: string;
};

export type TransitionInput = {
  action: ApplicationAction;
  note?: string;
  amountFen?: number;
  details?: SubsidyDetails;
  requestedFen?: number;
};

export type ApplicationFilter = { status?: ApplicationStatus; kind?: SubsidyKind };

export type Certificate = {
  id: string;
  code: string;
  codeDisplay: string;
  institutionId: string;
  institutionName: string;
  creditCode: string;
  address: string;
  filingNumber: string;
  issuer: string;
  issuedAt: string;
  validUntil: string;
  revokedAt: string | null;
  verifyPath: string;
  pdfPath: string;
};

export type VerificationStatus = 'valid' | 'expired' | 'revoked' | 'not_operating';

export type Verification = {
  code: string;
  status: VerificationStatus;
  institutionName: string;
  creditCode: string;
  address: string;
  filingNumber: string;
  issuer: string;
  issuedOn: string;
  validUntil: string;
  checkedAt: string;
};

export type ClaimStatus = 'applied' | 'approved' | 'rejected';

/** A childcare subsidy application as officials see it: no child's name. */
export type OfficialClaim = {
  id: string;
  residenceDivisionCode: string;
  birthMonth: string;
  status: ClaimStatus;
  appliedAt: string;
  decidedAt: string | null;
  reason: string | null;
  totalFen: number;
};

export type ClaimDecision = { decision: 'approve' } | { decision: 'reject'; reason: string };

const id = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

export const getInstitutionApplications = (institutionId: string) =>
  request<{ items: SubsidyApplication[] }>('GET', `/api/v1/institutions/${id(institutionId)}/subsidy-applications`);
export const getApplications = (filter: ApplicationFilter) =>
  request<{ items: SubsidyApplication[] }>('GET', `/api/v1/subsidy-applications${query(filter)}`);
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
  const error = (parsed as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
  throw new ApiError(
    response.status,
    String(error?.code ?? 'UNEXPECTED_RESPONSE'),
    String(error?.message ?? i18n.t('errors.unexpected', { status: response.status })),
  );
}

/** The policy amounts in force; only the institution rates matter here (the family ones are the parents'). */
export const getSubsidyPolicy = () => request<{ institutionSubsidyRates: InstitutionSubsidyRates }>('GET', '/api/v1/subsidy-policy');

export const getCertificates = (institutionId: string) =>
  request<{ items: Certificate[] }>('GET', `/api/v1/institutions/${id(institutionId)}/utility-certificates`);
export const postCertificate = (institutionId: string) =>
  request<Certificate>('POST', `/api/v1/institutions/${id(institutionId)}/utility-certificates`);
export const getVerification = (code: string) => request<Verification>('GET', `/api/v1/public/utility-certificates/${id(code)}`);

export const getChildcareClaims = (status?: ClaimStatus) =>
  request<{ items: OfficialClaim[] }>('GET', `/api/v1/childcare-subsidy-claims${query({ status })}`);
export const postClaimDecision = (claimId: string, input: ClaimDecision) =>
  request<OfficialClaim>('POST', `/api/v1/childcare-subsidy-claims/${id(claimId)}/decide`, input);
