import type { Role } from '../access/roles.ts';

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

export type Transition = {
  to: InstitutionStatus;
  /** Roles that may take the action (within their own institution or district). */
  by: readonly Role[];
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

export const FilingWorkflow = {
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
} as const satisfies Record<InstitutionStatus, Partial<Record<FilingAction, Transition>>>;

export type FilingContext = { roles: readonly Role[]; hasFiledVersion: boolean };

/** The transition for an action in a state, or undefined when the state does not offer it. */
export function transitionFor(status: InstitutionStatus, action: FilingAction): Transition | undefined {
  return (FilingWorkflow[status] as Partial<Record<FilingAction, Transition>>)[action];
}

/** Actions these roles may take now, in table order. */
export function allowedActions(status: InstitutionStatus, context: FilingContext): FilingAction[] {
  return (Object.entries(FilingWorkflow[status]) as [FilingAction, Transition][])
    .filter(([, t]) => t.by.some((r) => context.roles.includes(r)) && (!t.needsFiledVersion || context.hasFiledVersion))
    .map(([action]) => action);
}

/** Whether any of these roles may take the action in some state (otherwise it is forbidden, not merely untimely). */
export function mayEverTake(action: FilingAction, roles: readonly Role[]): boolean {
  return InstitutionStatus.some((status) => transitionFor(status, action)?.by.some((r) => roles.includes(r)));
}

/** States in which the working copy is frozen because a reviewer is looking at it, or for good. */
export function isLockedForEditing(status: InstitutionStatus): boolean {
  return status === 'submitted' || status === 'under_review' || status === 'closed';
}
