import { z } from 'zod';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { ComplianceSettings } from '../../../../domain/institutions/compliance.ts';
import { requiredDocuments } from '../../../../domain/institutions/filingChecklist.ts';
import { complianceOf, factsView, fileView, problemView, staffView } from '../common/presenters.ts';
import { ClassTypeSchema } from '../common/schemas.ts';
import { type InstitutionState, planClasses } from '../common/state.ts';
import { FactsView, FileView, ProblemView, StaffView } from '../common/views.ts';

/** What a filing carries, frozen at submission: the reviewer checks exactly this. */
export const FilingSnapshot = z
  .object({
    facts: FactsView,
    classes: z.array(
      z.object({ id: z.uuid(), classType: ClassTypeSchema, name: z.string(), capacity: z.number().int(), caregiverIds: z.array(z.uuid()) }),
    ),
    staff: z.array(StaffView),
    documents: z.array(FileView),
    compliance: z.array(ProblemView).describe('Compliance problems found at submission'),
  })
  .describe('FilingSnapshot');
export type FilingSnapshot = z.infer<typeof FilingSnapshot>;

export function snapshotOf(state: InstitutionState, today: IsoDate, settings: ComplianceSettings): FilingSnapshot {
  return {
    facts: factsView(state.institution),
    classes: planClasses(state).map((c) => ({
      id: c.id,
      classType: c.class_type as ClassType,
      name: c.name,
      capacity: c.capacity,
      caregiverIds: c.caregiverIds,
    })),
    staff: state.staff.map((s) => staffView(s, today)),
    documents: state.files.filter((f) => f.kind === 'document').map(fileView),
    compliance: complianceOf(state, today, settings).map(problemView),
  };
}

/**
 * What is still missing before a filing can be submitted (托育机构登记和备案办法（试行）art. 6):
 * the registry facts, a class plan with a fee for each class type offered, at least one
 * caregiver, and the required documents. Compliance problems do not block submission: the
 * reviewer sees them and decides.
 */
export function missingForFiling(state: InstitutionState): string[] {
  const i = state.institution;
  const missing: string[] = [];
  const facts: [string, boolean][] = [
    ['facts.creditCode', i.credit_code !== null],
    ['facts.operatorType', i.operator_type !== null],
    ['facts.serviceForms', i.service_forms.length > 0],
    ['facts.address', !!i.address],
    ['facts.divisionCode', /^[0-9]{9}$/.test(i.division_code)],
    ['facts.location', i.lat !== null],
    ['facts.indoorAreaM2', i.indoor_area_m2 !== null],
    ['facts.outdoorAreaM2', i.outdoor_area_m2 !== null],
    ['facts.openingHours', i.opens_at !== null && i.closes_at !== null],
  ];
  for (const [item, present] of facts) if (!present) missing.push(item);
  const classes = planClasses(state);
  if (classes.length === 0) missing.push('classes');
  const fees = {
    infant: i.fee_infant_fen,
    toddler: i.fee_toddler_fen,
    older_toddler: i.fee_older_toddler_fen,
    mixed: i.fee_mixed_fen,
  } as const;
  for (const type of ClassType) {
    if (classes.some((c) => c.class_type === type) && fees[type] === null) missing.push(`fees.${type}`);
  }
  if (!state.staff.some((s) => s.role === 'caregiver')) missing.push('staff.caregiver');
  const uploaded = new Set(state.files.filter((f) => f.kind === 'document').map((f) => f.document_type));
  for (const doc of requiredDocuments(i.serves_meals)) if (!uploaded.has(doc)) missing.push(`documents.${doc}`);
  return missing;
}
