import type { Role } from '../access/roles.ts';
import { defineWorkflow, type Step } from '../workflow/defineWorkflow.ts';

/**
 * The filing (备案) workflow of an institution, as one table the server enforces and the web
 * reads to show buttons. 托育机构登记和备案办法（试行）(NHC 2019): the institution files with the
 * county-level health department, which issues a filing receipt or raises problems; changes
 * of key facts are filed again. `filed` is one state of the institution's authorisation, so a
 * licence (draft childcare law, 2025) can later take its place.
 *
 * A filed institution whose key facts changed goes through `submitted` → `under_review` again
 * while its filed version stays public; `hasFiledVersion` tells the two cases apart.
 */
export const InstitutionStatus = ['draft', 'submitted', 'under_review', 'returned', 'filed', 'suspended', 'closed'] as const;
export type InstitutionStatus = (typeof InstitutionStatus)[number];

export const FilingAction = ['submit', 'start_review', 'file', 'return', 'discard_changes', 'suspend', 'reinstate', 'close'] as const;
export type FilingAction = (typeof FilingAction)[number];

/** Roles take the action within their own institution or district. */
export type Transition = Step<InstitutionStatus, Role> & {
  /** A reason is required and shown to the director. */
  needsReason?: boolean;
  /** Every applicable item of the filing checklist must be confirmed. */
  needsChecklist?: boolean;
  /** Only when the institution has been filed before (there is a filed version to go back to). */
  needsFiledVersion?: boolean;
};

const DIRECTOR = ['institution_admin'] as const;
/** The county-level health department reviews filings in its district. */
const REVIEWER = ['district_official'] as const;
const OFFICIALS = ['district_official', 'city_official'] as const;

export const FilingWorkflow = defineWorkflow<InstitutionStatus, FilingAction, Role, Transition>(InstitutionStatus, {
  draft: {
    submit: { to: 'submitted', by: DIRECTOR },
    close: { to: 'closed', by: OFFICIALS, needsReason: true },
  },
  submitted: {
    start_review: { to: 'under_review', by: REVIEWER },
    close: { to: 'closed', by: OFFICIALS, needsReason: true },
  },
  under_review: {
    file: { to: 'filed', by: REVIEWER, needsChecklist: true },
    return: { to: 'returned', by: REVIEWER, needsReason: true },
    close: { to: 'closed', by: OFFICIALS, needsReason: true },
  },
  returned: {
    submit: { to: 'submitted', by: DIRECTOR },
    discard_changes: { to: 'filed', by: DIRECTOR, needsFiledVersion: true },
    close: { to: 'closed', by: OFFICIALS, needsReason: true },
  },
  filed: {
    submit: { to: 'submitted', by: DIRECTOR },
    discard_changes: { to: 'filed', by: DIRECTOR, needsFiledVersion: true },
    suspend: { to: 'suspended', by: OFFICIALS, needsReason: true },
    close: { to: 'closed', by: OFFICIALS, needsReason: true },
  },
  suspended: {
    reinstate: { to: 'filed', by: OFFICIALS, needsReason: true },
    close: { to: 'closed', by: OFFICIALS, needsReason: true },
  },
  closed: {},
});

/** Actions these roles may take now: a step back to the filed version needs one. */
export function allowedFilingActions(status: InstitutionStatus, roles: readonly Role[], hasFiledVersion: boolean): FilingAction[] {
  return FilingWorkflow.allowedActions(status, roles, (t) => !t.needsFiledVersion || hasFiledVersion);
}

/** States in which the working copy is frozen because a reviewer is looking at it, or for good. */
export function isLockedForEditing(status: InstitutionStatus): boolean {
  return status === 'submitted' || status === 'under_review' || status === 'closed';
}
