import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import { placesLeft } from '../../../../domain/enrollment/placement.ts';
import {
  type ComplianceInput,
  type ComplianceProblem,
  type ComplianceSettings,
  complianceProblems,
  isQualifiedCaregiver,
} from '../../../../domain/institutions/compliance.ts';
import { currentInclusive, isCurrent } from '../../../../domain/institutions/designations.ts';
import type { KeyFactValues } from '../../../../domain/institutions/keyFacts.ts';
import type {
  CertificateKind,
  DesignationKind,
  DesignationLevel,
  DocumentType,
  FileKind,
  OperatorType,
  QualificationTitle,
  ServiceForm,
  StaffRole,
} from '../../../../domain/institutions/vocabulary.ts';
import type { UploadType } from '../../../platform/files/contentType.ts';
import { capsFromColumns, feesFromColumns, fenToYuan, toYuan } from './fees.ts';
import {
  type ClassRow,
  type DesignationRow,
  type FiledRow,
  type FileRow,
  type InstitutionRow,
  type InstitutionState,
  planClasses,
  type StaffRow,
} from './state.ts';

export const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

type FactColumns = Pick<
  InstitutionRow,
  | 'name'
  | 'credit_code'
  | 'operator_type'
  | 'service_forms'
  | 'address'
  | 'division_code'
  | 'lat'
  | 'lng'
  | 'indoor_area_m2'
  | 'outdoor_area_m2'
  | 'opens_at'
  | 'closes_at'
  | 'open_weekdays'
  | 'fee_infant_fen'
  | 'fee_toddler_fen'
  | 'fee_older_toddler_fen'
  | 'fee_mixed_fen'
  | 'serves_meals'
  | 'facilities'
  | 'description'
  | 'contact_phone'
>;

/** A point only when both coordinates are set. */
export const locationOf = (row: { lat: number | null; lng: number | null }) =>
  row.lat === null || row.lng === null ? null : { lat: row.lat, lng: row.lng };

/** The facts of the working copy or of the filed version, as the API shows them. */
export function factsView(row: FactColumns) {
  return {
    name: row.name,
    creditCode: row.credit_code,
    operatorType: row.operator_type as OperatorType | null,
    serviceForms: row.service_forms as ServiceForm[],
    address: row.address,
    divisionCode: row.division_code,
    location: locationOf(row),
    indoorAreaM2: row.indoor_area_m2,
    outdoorAreaM2: row.outdoor_area_m2,
    openingHours: row.opens_at && row.closes_at ? { opensAt: row.opens_at, closesAt: row.closes_at, weekdays: row.open_weekdays } : null,
    monthlyFeeYuan: toYuan(feesFromColumns(row)),
    servesMeals: row.serves_meals,
    facilities: row.facilities,
    description: row.description,
    contactPhone: row.contact_phone,
  };
}
export type FactsView = ReturnType<typeof factsView>;

export function workingKeyFacts(state: InstitutionState): KeyFactValues {
  const i = state.institution;
  return {
    name: i.name,
    creditCode: i.credit_code,
    operatorType: i.operator_type,
    address: i.address,
    divisionCode: i.division_code,
    location: locationOf(i),
    indoorAreaM2: i.indoor_area_m2,
    outdoorAreaM2: i.outdoor_area_m2,
    servesMeals: i.serves_meals,
    facilities: i.facilities,
    description: i.description,
    classes: planClasses(state).map((c) => ({ id: c.id, classType: c.class_type as ClassType, name: c.name, capacity: c.capacity })),
  };
}

export function filedKeyFacts(state: InstitutionState, filed: FiledRow): KeyFactValues {
  return {
    name: filed.name,
    creditCode: filed.credit_code,
    operatorType: filed.operator_type,
    address: filed.address,
    divisionCode: filed.division_code,
    location: { lat: filed.lat, lng: filed.lng },
    indoorAreaM2: filed.indoor_area_m2,
    outdoorAreaM2: filed.outdoor_area_m2,
    servesMeals: filed.serves_meals,
    facilities: filed.facilities,
    description: filed.description,
    classes: state.classes
      .filter((c) => c.filed_capacity !== null)
      .map((c) => ({
        id: c.id,
        classType: c.filed_class_type as ClassType,
        name: c.filed_name as string,
        capacity: c.filed_capacity as number,
      })),
  };
}

/**
 * Places a class may still offer, by the one vacancy rule: its filed type and capacity, its
 * caregivers who have not left (as the offer counts them), children enrolled and offers
 * standing. A class never filed or removed from the plan offers none, as offers into it are
 * refused.
 */
export function classVacancies(c: ClassRow, staff: StaffRow[]): number {
  if (c.filed_capacity === null || c.filed_class_type === null || c.archived_at !== null) return 0;
  const inPost = new Set(staff.filter((s) => s.left_on === null).map((s) => s.id));
  return placesLeft({
    classType: c.filed_class_type as ClassType,
    capacity: c.filed_capacity,
    caregivers: c.caregiverIds.filter((id) => inPost.has(id)).length,
    enrolled: c.enrolled,
    openOffers: c.openOffers,
  });
}

export function classView(c: ClassRow, staff: StaffRow[]) {
  return {
    id: c.id,
    classType: c.class_type as ClassType,
    name: c.name,
    capacity: c.capacity,
    enrolled: c.enrolled,
    vacancies: classVacancies(c, staff),
    caregiverIds: c.caregiverIds,
    archived: c.archived_at !== null,
    filed:
      c.filed_capacity === null
        ? null
        : { classType: c.filed_class_type as ClassType, name: c.filed_name as string, capacity: c.filed_capacity },
  };
}

export function staffView(s: StaffRow, today: IsoDate) {
  return {
    id: s.id,
    name: s.name,
    role: s.role as StaffRole,
    hiredOn: s.hired_on,
    leftOn: s.left_on,
    residentIdMasked: s.resident_id_masked,
    classId: s.classId,
    qualifiedCaregiver: isQualifiedCaregiver(complianceStaff(s), today),
    certificates: s.certificates.map((c) => ({
      id: c.id,
      kind: c.kind as CertificateKind,
      number: c.number,
      issuedOn: c.issued_on,
      expiresOn: c.expires_on,
      expired: c.expires_on !== null && c.expires_on < today,
      title: c.qualification_title as QualificationTitle | null,
      level: c.qualification_level,
    })),
  };
}

export function fileView(f: FileRow) {
  return {
    id: f.id,
    kind: f.kind as FileKind,
    documentType: f.document_type as DocumentType | null,
    filename: f.filename,
    contentType: f.content_type as UploadType,
    sizeBytes: f.size_bytes,
    uploadedAt: iso(f.created_at),
    url: f.kind === 'photo' ? photoUrl(f.institution_id, f.id) : `/api/v1/institutions/${f.institution_id}/files/${f.id}`,
  };
}

export const photoUrl = (institutionId: string, fileId: string) => `/api/v1/institutions/${institutionId}/photos/${fileId}`;

export function designationTerm(d: DesignationRow) {
  return {
    kind: d.kind as DesignationKind,
    level: d.level as DesignationLevel | null,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    revokedOn: d.revoked_on,
    priceCaps: capsFromColumns(d),
  };
}

export function designationView(d: DesignationRow, today: IsoDate) {
  return {
    id: d.id,
    kind: d.kind as DesignationKind,
    level: d.level as DesignationLevel | null,
    grantedOn: d.granted_on,
    document: d.document,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    priceCapsYuan: toYuan(capsFromColumns(d)),
    revokedOn: d.revoked_on,
    revokedReason: d.revoked_reason,
    current: isCurrent(designationTerm(d), today),
  };
}

function complianceStaff(s: StaffRow) {
  return {
    id: s.id,
    role: s.role as StaffRole,
    certificates: s.certificates.map((c) => ({ kind: c.kind as CertificateKind, expiresOn: c.expires_on })),
  };
}

export function complianceInput(state: InstitutionState, today: IsoDate): ComplianceInput {
  const inclusive = currentInclusive(state.designations.map(designationTerm), today);
  return {
    indoorAreaM2: state.institution.indoor_area_m2,
    outdoorAreaM2: state.institution.outdoor_area_m2,
    classes: planClasses(state).map((c) => ({
      id: c.id,
      classType: c.class_type as ClassType,
      capacity: c.capacity,
      enrolled: c.enrolled,
      caregiverIds: c.caregiverIds,
    })),
    staff: state.staff.map(complianceStaff),
    fees: feesFromColumns(state.institution),
    priceCaps: inclusive?.priceCaps ?? null,
  };
}

export function complianceOf(state: InstitutionState, today: IsoDate, settings: ComplianceSettings): ComplianceProblem[] {
  return complianceProblems(complianceInput(state, today), today, settings);
}

/** Problems for the API: fees in yuan, every field named. */
export function problemView(p: ComplianceProblem) {
  if (p.code === 'fee_above_cap')
    return { code: p.code, classType: p.classType, feeYuan: fenToYuan(p.feeFen), capYuan: fenToYuan(p.capFen) };
  return p;
}

export { isoOrNull };
