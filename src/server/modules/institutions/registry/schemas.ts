import { z } from 'zod';
import { DIVISION_CODE } from '../../../../domain/geography/divisionCode.ts';
import {
  ActionSchema,
  CreditCode,
  DesignationKindSchema,
  DesignationLevelSchema,
  Flag,
  IsoDate,
  KeyFactSchema,
  Location,
  OpeningHours,
  OperatorTypeSchema,
  Paging,
  ServiceFormSchema,
  StatusSchema,
  Timestamp,
  TownshipCode,
  YuanByType,
} from '../common/schemas.ts';
import { ClassView, DesignationView, FactsView, FileView, ProblemView, RosterConflictView, StaffView } from '../common/views.ts';

export const CreateInstitutionBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    divisionCode: TownshipCode,
    creditCode: CreditCode.optional(),
  })
  .describe('A new registry entry, in draft; its director completes it and submits the filing');

const Area = z.number().positive().max(1_000_000);

/** Any subset of the facts; a key left out keeps its value. `monthlyFeeYuan` replaces all fees. */
export const UpdateFactsBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    creditCode: CreditCode,
    operatorType: OperatorTypeSchema,
    serviceForms: z.array(ServiceFormSchema).max(4),
    address: z.string().trim().min(1).max(200),
    divisionCode: TownshipCode,
    location: Location,
    indoorAreaM2: Area,
    outdoorAreaM2: z.number().min(0).max(1_000_000),
    openingHours: OpeningHours.nullable(),
    monthlyFeeYuan: YuanByType,
    servesMeals: z.boolean(),
    facilities: z.array(z.string().trim().min(1).max(50)).max(30),
    description: z.string().max(2000),
    contactPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/)
      .nullable(),
  })
  .partial()
  .strict()
  .describe(
    'Key facts (name, creditCode, operatorType, address, divisionCode, location, areas, servesMeals, facilities, description) of a filed institution wait for a change filing; the rest are published at once',
  );

export const ListQuery = z.object({
  status: StatusSchema.optional(),
  division: z.string().regex(DIVISION_CODE, { message: 'division.code' }).optional().describe('District or township code'),
  q: z.string().trim().min(1).max(50).optional().describe('Part of the name, its pinyin or initials'),
  inclusive: Flag.describe('true: only with an inclusive (普惠) designation in force today'),
  hasProblems: Flag.describe('true: only with at least one compliance problem today'),
  ...Paging,
});

export const InstitutionListItem = z.object({
  id: z.uuid(),
  name: z.string(),
  status: StatusSchema,
  divisionCode: z.string(),
  hasFiledVersion: z.boolean(),
  filingNumber: z.string().nullable(),
  changedKeyFacts: z.array(KeyFactSchema).describe('Key facts changed since the filed version'),
  complianceProblems: z.number().int().describe('Compliance problems found today'),
  places: z.number().int().describe('Capacity of the classes in the plan'),
  location: Location.nullable().describe('Where the working copy places it, for the map of a township'),
  designations: z
    .array(z.object({ kind: DesignationKindSchema, level: DesignationLevelSchema.nullable() }))
    .describe('In force today, inclusive first, each kind and level once'),
  updatedAt: Timestamp,
});
export const InstitutionList = z.object({ total: z.number().int(), items: z.array(InstitutionListItem) });

export const FilingSummary = z.object({
  id: z.uuid(),
  kind: z.enum(['initial', 'change']),
  submittedAt: Timestamp,
  reviewStartedAt: Timestamp.nullable(),
  outcome: z.enum(['filed', 'returned', 'cancelled']).nullable().describe('null while open'),
  decidedAt: Timestamp.nullable(),
  reasons: z.string().nullable().describe('Why it was returned or cancelled'),
  filedDespiteReason: z.string().nullable().describe('Why it was filed although compliance problems remained'),
  receiptNumber: z.string().nullable().describe('备案回执 number, e.g. 320706-2026-0001'),
  changedFacts: z.array(KeyFactSchema),
});

export const InstitutionRecord = z
  .object({
    id: z.uuid(),
    status: StatusSchema,
    statusReason: z.string().nullable().describe('The reason given for the last transition (return, suspension, closure)'),
    statusChangedAt: Timestamp.nullable(),
    allowedActions: z.array(ActionSchema).describe('What the caller may do now (POST …/transitions)'),
    hasFiledVersion: z.boolean(),
    publiclyListed: z.boolean().describe('Appears in the public search now'),
    filingNumber: z.string().nullable(),
    filedAt: Timestamp.nullable(),
    facts: FactsView.describe('The working copy'),
    filedFacts: FactsView.nullable().describe('The filed version the public sees'),
    changedKeyFacts: z.array(KeyFactSchema),
    classes: z.array(ClassView),
    staff: z.array(StaffView).describe('Staff employed today'),
    documents: z.array(FileView),
    photos: z.array(FileView),
    designations: z.array(DesignationView),
    compliance: z.object({ checkedOn: IsoDate, problems: z.array(ProblemView) }),
    rosterConflicts: z
      .array(RosterConflictView)
      .describe('Staff active in another filed or reviewed institution: a submission is refused until they leave there'),
    filings: z.array(FilingSummary).describe('Newest first'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .describe('InstitutionRecord');

export const StartInstitutionBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    creditCode: CreditCode,
    address: z.string().trim().min(1).max(200),
    divisionCode: TownshipCode,
  })
  .describe('Your own institution, in draft: you become its director (institution_admin) and complete its filing');
