/**
 * The officials' registry: the list in scope, the full record, status actions, designations and
 * compliance counted per division. Shapes follow src/server/modules/institutions/registry/schemas.ts,
 * common/views.ts, designations/schemas.ts and compliance/schemas.ts; money is yuan, as the API sends it.
 */
import type { ComplianceCode } from '../../../../domain/institutions/compliance.ts';
import type {
  CertificateKind,
  DesignationKind,
  DesignationLevel,
  OperatorType,
  ServiceForm,
} from '../../../../domain/institutions/vocabulary.ts';
import {
  type ClassType,
  type DesignationBrief,
  type FilingActionName,
  type InstitutionStatus,
  request,
  type YuanByType,
} from '../../../api/client';

export type RegistryItem = {
  id: string;
  name: string;
  status: InstitutionStatus;
  divisionCode: string;
  hasFiledVersion: boolean;
  filingNumber: string | null;
  changedKeyFacts: string[];
  complianceProblems: number;
  /** Places in the class plan. */
  places: number;
  /** In force today, inclusive first. */
  designations: DesignationBrief[];
  updatedAt: string;
};

export type RegistryFilter = {
  status?: InstitutionStatus;
  division?: string;
  q?: string;
  inclusive: boolean;
  hasProblems: boolean;
  page: number;
  pageSize: number;
};

export type Designation = {
  id: string;
  kind: DesignationKind;
  level: DesignationLevel | null;
  grantedOn: string;
  document: string;
  validFrom: string;
  validTo: string | null;
  priceCapsYuan: YuanByType;
  revokedOn: string | null;
  revokedReason: string | null;
  current: boolean;
};

/** One computed problem; which of the optional fields are set depends on the code (domain/institutions/compliance.ts). */
export type ComplianceProblem = {
  code: ComplianceCode;
  classId?: string;
  classType?: ClassType;
  staffId?: string;
  size?: number;
  maximum?: number;
  children?: number;
  caregivers?: number;
  required?: number;
  m2PerPlace?: number;
  minimum?: number;
  expiredOn?: string;
  feeYuan?: number;
  capYuan?: number;
};

export type Certificate = { id: string; kind: CertificateKind; number: string | null; expiresOn: string | null; expired: boolean };

export type StaffMember = {
  id: string;
  name: string;
  role: string;
  classId: string | null;
  qualifiedCaregiver: boolean;
  certificates: Certificate[];
};

export type RecordClass = {
  id: string;
  classType: ClassType;
  name: string;
  capacity: number;
  enrolled: number;
  vacancies: number;
  caregiverIds: string[];
  archived: boolean;
};

export type OpeningHours = { opensAt: string; closesAt: string; weekdays: number[] };

export type Facts = {
  name: string;
  creditCode: string | null;
  operatorType: OperatorType | null;
  serviceForms: ServiceForm[];
  address: string | null;
  divisionCode: string;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  openingHours: OpeningHours | null;
  monthlyFeeYuan: YuanByType;
  servesMeals: boolean;
  contactPhone: string | null;
};

export type RegistryRecord = {
  id: string;
  status: InstitutionStatus;
  statusReason: string | null;
  statusChangedAt: string | null;
  allowedActions: FilingActionName[];
  hasFiledVersion: boolean;
  publiclyListed: boolean;
  filingNumber: string | null;
  filedAt: string | null;
  facts: Facts;
  changedKeyFacts: string[];
  classes: RecordClass[];
  staff: StaffMember[];
  designations: Designation[];
  compliance: { checkedOn: string; problems: ComplianceProblem[] };
};

/** The status actions an official takes here; each needs a reason (domain/institutions/filingWorkflow.ts). */
export type StatusAction = 'suspend' | 'reinstate' | 'close';

export type GrantInput =
  | {
      kind: 'inclusive';
      grantedOn: string;
      document: string;
      validFrom: string;
      validTo: string;
      priceCapsYuan: YuanByType;
    }
  | { kind: 'pilot' | 'demonstration'; level: DesignationLevel; grantedOn: string; document: string; validFrom: string };

export type ComplianceRow = {
  divisionCode: string;
  name: string;
  institutions: number;
  withProblems: number;
  problems: Partial<Record<ComplianceCode, number>>;
};
export type ComplianceSummary = { divisionCode: string; name: string; checkedOn: string; total: ComplianceRow; rows: ComplianceRow[] };

const id = encodeURIComponent;

function params(values: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
}

const flag = (on: boolean) => (on ? 'true' : undefined);

/** One page of the entries in scope that match the filter. */
export const getRegistry = ({ inclusive, hasProblems, ...filter }: RegistryFilter) =>
  request<{ total: number; items: RegistryItem[] }>(
    'GET',
    `/api/v1/institutions?${params({ ...filter, inclusive: flag(inclusive), hasProblems: flag(hasProblems) })}`,
  );

export const getRegistryRecord = (institutionId: string) =>
  request<RegistryRecord>('GET', `/api/v1/institutions/${id(institutionId)}/record`);

export const postStatusAction = (institutionId: string, action: StatusAction, reason: string) =>
  request<{ status: InstitutionStatus }>('POST', `/api/v1/institutions/${id(institutionId)}/transitions`, { action, reason });

export const postDesignation = (institutionId: string, input: GrantInput) =>
  request<Designation>('POST', `/api/v1/institutions/${id(institutionId)}/designations`, input);

export const revokeDesignation = (institutionId: string, designationId: string, reason: string) =>
  request<Designation>('POST', `/api/v1/institutions/${id(institutionId)}/designations/${id(designationId)}/revoke`, { reason });

export const getComplianceSummary = (division?: string) =>
  request<ComplianceSummary>('GET', `/api/v1/institutions/compliance?${params({ division })}`);
