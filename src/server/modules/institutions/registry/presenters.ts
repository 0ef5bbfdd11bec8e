import type { Role } from '../../../../domain/access/roles.ts';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { ComplianceSettings } from '../../../../domain/institutions/compliance.ts';
import { allowedFilingActions, type InstitutionStatus } from '../../../../domain/institutions/filingWorkflow.ts';
import { changedKeyFacts, type KeyFact } from '../../../../domain/institutions/keyFacts.ts';
import {
  classView,
  complianceOf,
  designationView,
  factsView,
  filedKeyFacts,
  fileView,
  iso,
  isoOrNull,
  problemView,
  staffView,
  workingKeyFacts,
} from '../common/presenters.ts';
import type { FilingSummaryRow, InstitutionState } from '../common/state.ts';

export function pendingKeyFacts(state: InstitutionState): KeyFact[] {
  return state.filed ? changedKeyFacts(workingKeyFacts(state), filedKeyFacts(state, state.filed)) : [];
}

export function filingSummaryView(f: FilingSummaryRow) {
  return {
    id: f.id,
    kind: f.kind as 'initial' | 'change',
    submittedAt: iso(f.submitted_at),
    reviewStartedAt: isoOrNull(f.review_started_at),
    outcome: f.outcome as 'filed' | 'returned' | 'cancelled' | null,
    decidedAt: isoOrNull(f.decided_at),
    reasons: f.reasons,
    filedDespiteReason: f.filed_despite_reason,
    receiptNumber: f.receipt_number,
    changedFacts: f.changed_facts as KeyFact[],
  };
}

/** The full record for the director and officials: working copy, filed version, what to do next. */
export function recordView(state: InstitutionState, roles: Role[], today: IsoDate, settings: ComplianceSettings) {
  const i = state.institution;
  const status = i.status as InstitutionStatus;
  return {
    id: i.id,
    status,
    statusReason: i.status_reason,
    statusChangedAt: isoOrNull(i.status_changed_at),
    allowedActions: allowedFilingActions(status, roles, state.filed !== null),
    hasFiledVersion: state.filed !== null,
    publiclyListed: state.filed?.active ?? false,
    filingNumber: state.filed?.filing_number ?? null,
    filedAt: state.filed ? iso(state.filed.filed_at) : null,
    facts: factsView(i),
    filedFacts: state.filed ? factsView(state.filed) : null,
    changedKeyFacts: pendingKeyFacts(state),
    classes: state.classes.map((c) => classView(c, state.staff)),
    staff: state.staff.map((s) => staffView(s, today)),
    documents: state.files.filter((f) => f.kind === 'document').map(fileView),
    photos: state.files.filter((f) => f.kind === 'photo').map(fileView),
    designations: state.designations.map((d) => designationView(d, today)),
    compliance: { checkedOn: today, problems: complianceOf(state, today, settings).map(problemView) },
    filings: state.filings.map(filingSummaryView),
    createdAt: iso(i.created_at),
    updatedAt: iso(i.updated_at),
  };
}
