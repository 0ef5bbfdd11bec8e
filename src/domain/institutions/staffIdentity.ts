import { addMonthsIso, compareIso, type IsoDate } from '../dates/shanghai.ts';
import { isValidResidentId, residentIdBirthDate } from '../identity/residentId.ts';
import type { StaffRole } from './vocabulary.ts';

/**
 * Roles whose resident ID number (身份证号) a new roster entry must give: the people a filing
 * answers for with children (caregivers, the director, the health worker), and the ones one
 * person might be counted for in two institutions. Others may give it.
 */
export const ROLES_NEEDING_RESIDENT_ID: readonly StaffRole[] = ['caregiver', 'director', 'health_worker'];

export function residentIdRequired(role: StaffRole): boolean {
  return ROLES_NEEDING_RESIDENT_ID.includes(role);
}

/** 劳动法 art. 15: no one under 16 may be employed. */
export const MINIMUM_STAFF_AGE = 16;

export type StaffResidentIdProblem = 'residentId.required' | 'residentId.invalid' | 'residentId.tooYoung';

/**
 * What is wrong with a staff member's ID number as typed, or null: missing where the role needs
 * one (`required` says whether this save must carry one — a new entry, not an edit that leaves it
 * alone), a wrong check character or birth date (GB 11643-1999, `isValidResidentId`), or a birth
 * date less than 16 years before `today`. One rule for the server and the director's form.
 */
export function staffResidentIdProblem(
  residentId: string | undefined,
  options: { role: StaffRole; required: boolean; today: IsoDate },
): StaffResidentIdProblem | null {
  const typed = residentId?.trim() ?? '';
  if (typed === '') return options.required && residentIdRequired(options.role) ? 'residentId.required' : null;
  if (!isValidResidentId(typed, options.today)) return 'residentId.invalid';
  if (compareIso(addMonthsIso(residentIdBirthDate(typed), 12 * MINIMUM_STAFF_AGE), options.today) > 0) return 'residentId.tooYoung';
  return null;
}
