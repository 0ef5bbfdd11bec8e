import { z } from 'zod';
import { ComplianceCode } from '../../../../domain/institutions/compliance.ts';
import { QualificationTitle } from '../../../../domain/institutions/vocabulary.ts';
import {
  CertificateKindSchema,
  ClassTypeSchema,
  DesignationKindSchema,
  DesignationLevelSchema,
  DocumentTypeSchema,
  FileKindSchema,
  IsoDate,
  Location,
  OpeningHours,
  OperatorTypeSchema,
  ServiceFormSchema,
  StaffRoleSchema,
  Timestamp,
  YuanByType,
} from './schemas.ts';

// Response shapes shared by several routes. Responses are parsed with these schemas on the way
// out, so a database column that is not listed here never reaches a client.

export const FactsView = z
  .object({
    name: z.string(),
    creditCode: z.string().nullable(),
    operatorType: OperatorTypeSchema.nullable(),
    serviceForms: z.array(ServiceFormSchema),
    address: z.string().nullable(),
    divisionCode: z.string().describe('Township division code'),
    location: Location.nullable(),
    indoorAreaM2: z.number().nullable(),
    outdoorAreaM2: z.number().nullable(),
    openingHours: OpeningHours.nullable(),
    monthlyFeeYuan: YuanByType.describe('Monthly fee per class type offered, yuan'),
    servesMeals: z.boolean(),
    facilities: z.array(z.string()),
    description: z.string(),
    contactPhone: z.string().nullable(),
  })
  .describe('InstitutionFacts');

export const ClassView = z
  .object({
    id: z.uuid(),
    classType: ClassTypeSchema,
    name: z.string(),
    capacity: z.number().int().describe('Places'),
    enrolled: z.number().int(),
    vacancies: z
      .number()
      .int()
      .describe('Places offerable: min(filed capacity, caregivers × ratio) − enrolled − offers standing, never negative; 0 until filed'),
    caregiverIds: z.array(z.uuid()),
    archived: z.boolean().describe('Removed from the plan; stays public until the change is filed'),
    filed: z
      .object({ classType: ClassTypeSchema, name: z.string(), capacity: z.number().int() })
      .nullable()
      .describe('The class as last filed; null if never filed'),
  })
  .describe('InstitutionClass');

export const CertificateView = z.object({
  id: z.uuid(),
  kind: CertificateKindSchema,
  number: z.string().nullable(),
  issuedOn: z.string().nullable(),
  expiresOn: z.string().nullable().describe('null: does not expire'),
  expired: z.boolean(),
  title: z.enum(QualificationTitle).nullable().describe('A childcare qualification’s occupation: 保育师 / 育婴员'),
  level: z.number().int().nullable().describe('5 (五级) to 1 (一级)'),
});

export const StaffView = z
  .object({
    id: z.uuid(),
    name: z.string(),
    role: StaffRoleSchema,
    hiredOn: z.string().nullable(),
    leftOn: z.string().nullable(),
    residentIdMasked: z
      .string()
      .nullable()
      .optional()
      .describe('身份证号, masked (3207**********1234); null when not given, absent in filings submitted before ID numbers'),
    classId: z.uuid().nullable().describe('The class this caregiver is assigned to'),
    qualifiedCaregiver: z.boolean().describe('A caregiver with a valid childcare qualification and health certificate'),
    certificates: z.array(CertificateView),
  })
  .describe('StaffMember');

export const RosterConflictView = z
  .object({ staffId: z.uuid(), staffName: z.string(), institution: z.string().describe('The other institution, by name only') })
  .describe('A staff member active in another institution that is filed or under review');

export const FileView = z
  .object({
    id: z.uuid(),
    kind: FileKindSchema,
    documentType: DocumentTypeSchema.nullable(),
    filename: z.string(),
    contentType: z.enum(['application/pdf', 'image/jpeg', 'image/png']),
    sizeBytes: z.number().int(),
    uploadedAt: Timestamp,
    url: z.string().describe('Where to download it (photos are public once the institution is filed)'),
  })
  .describe('InstitutionFile');

export const DesignationView = z
  .object({
    id: z.uuid(),
    kind: DesignationKindSchema,
    level: DesignationLevelSchema.nullable(),
    grantedOn: IsoDate,
    document: z.string().describe('Decision document (文号)'),
    validFrom: IsoDate,
    validTo: IsoDate.nullable().describe('Last day in force; for inclusive the end of the agreement'),
    priceCapsYuan: YuanByType.describe('Inclusive price cap per class type, yuan per month'),
    revokedOn: IsoDate.nullable(),
    revokedReason: z.string().nullable(),
    current: z.boolean().describe('In force today'),
  })
  .describe('Designation');

export const ProblemView = z
  .object({
    code: z.enum(ComplianceCode),
    classId: z.uuid().optional(),
    classType: ClassTypeSchema.optional(),
    staffId: z.uuid().optional(),
    size: z.number().int().optional(),
    maximum: z.number().int().optional(),
    children: z.number().int().optional(),
    caregivers: z.number().int().optional(),
    required: z.number().int().optional(),
    m2PerPlace: z.number().optional(),
    minimum: z.number().optional(),
    expiredOn: z.string().optional(),
    feeYuan: z.number().optional(),
    capYuan: z.number().optional(),
  })
  .describe('ComplianceProblem');
