import { z } from 'zod';
import type { ClassType } from '../../../../domain/classes/classTypes.ts';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { ComplianceSettings } from '../../../../domain/institutions/compliance.ts';
import type { FilingDraft } from '../../../../domain/institutions/filingReadiness.ts';
import type { DocumentType, StaffRole } from '../../../../domain/institutions/vocabulary.ts';
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

/** The state as the filing rule reads it (src/domain/institutions/filingReadiness.ts), the same as the record shows it. */
export function filingDraftOf(state: InstitutionState): FilingDraft {
  return {
    facts: factsView(state.institution),
    classes: planClasses(state).map((c) => ({ classType: c.class_type as ClassType })),
    staff: state.staff.map((s) => ({ role: s.role as StaffRole })),
    documents: state.files.filter((f) => f.kind === 'document').map((f) => ({ documentType: f.document_type as DocumentType | null })),
  };
}
