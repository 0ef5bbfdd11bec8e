import { ClassType } from '../classes/classTypes.ts';
import { requiredDocuments } from './filingChecklist.ts';
import type { DocumentType, StaffRole } from './vocabulary.ts';

/**
 * What a filing's completeness is judged on, in the record's own shape so that the server (before
 * it accepts a submission) and the director's page (listing what is left to do) ask one rule.
 */
export type FilingDraft = {
  facts: {
    creditCode: string | null;
    operatorType: string | null;
    serviceForms: readonly string[];
    address: string | null;
    divisionCode: string;
    location: { lat: number; lng: number } | null;
    indoorAreaM2: number | null;
    outdoorAreaM2: number | null;
    openingHours: object | null;
    /** Yuan per class type; a type without a fee has no key. */
    monthlyFeeYuan: Partial<Record<ClassType, number>>;
    servesMeals: boolean;
  };
  /** The classes in the plan, not those removed from it. */
  classes: readonly { classType: ClassType }[];
  /** Staff employed today. */
  staff: readonly { role: StaffRole }[];
  documents: readonly { documentType: DocumentType | null }[];
};

/**
 * What is still missing before a filing can be submitted (托育机构登记和备案办法（试行）art. 6):
 * the registry facts, a class plan with a fee for each class type offered, at least one
 * caregiver, and the required documents. Items read "facts.creditCode", "classes",
 * "fees.toddler", "staff.caregiver", "documents.fire_safety". Compliance problems do not block
 * submission: the reviewer sees them and decides.
 */
export function missingForFiling(draft: FilingDraft): string[] {
  const f = draft.facts;
  const facts: [string, boolean][] = [
    ['facts.creditCode', f.creditCode !== null],
    ['facts.operatorType', f.operatorType !== null],
    ['facts.serviceForms', f.serviceForms.length > 0],
    ['facts.address', !!f.address],
    ['facts.divisionCode', /^[0-9]{9}$/.test(f.divisionCode)],
    ['facts.location', f.location !== null],
    ['facts.indoorAreaM2', f.indoorAreaM2 !== null],
    ['facts.outdoorAreaM2', f.outdoorAreaM2 !== null],
    ['facts.openingHours', f.openingHours !== null],
  ];
  const missing = facts.filter(([, present]) => !present).map(([item]) => item);
  if (draft.classes.length === 0) missing.push('classes');
  for (const type of ClassType) {
    if (draft.classes.some((c) => c.classType === type) && f.monthlyFeeYuan[type] === undefined) missing.push(`fees.${type}`);
  }
  if (!draft.staff.some((s) => s.role === 'caregiver')) missing.push('staff.caregiver');
  const uploaded = new Set(draft.documents.map((d) => d.documentType));
  for (const doc of requiredDocuments(f.servesMeals)) if (!uploaded.has(doc)) missing.push(`documents.${doc}`);
  return missing;
}
