import { daysBetween, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { applicableChecklist, type ChecklistItem } from '../../../../domain/institutions/filingChecklist.ts';
import { allowedFilingActions, type InstitutionStatus } from '../../../../domain/institutions/filingWorkflow.ts';
import type { KeyFact } from '../../../../domain/institutions/keyFacts.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { actingRoles } from '../common/access.ts';
import { complianceOf, iso, isoOrNull, problemView } from '../common/presenters.ts';
import { hasFiledVersion } from '../common/queries.ts';
import { loadStates } from '../common/state.ts';
import { findComplianceSettings } from '../compliance/settings.ts';
import { findRosterConflicts } from '../staff/service.ts';
import { findFilingInScope, findFilingPage, findPreviousFiledSnapshot, type QueueFilter } from './queries.ts';
import type { FilingSnapshot } from './snapshot.ts';

type QueueRow = {
  id: string;
  institution_id: string;
  institution_name: string;
  division_code: string;
  district_code: string;
  kind: string;
  status: string;
  submitted_at: Date;
  review_started_at: Date | null;
  outcome: string | null;
  decided_at: Date | null;
  receipt_number: string | null;
};

function queueItem(row: QueueRow, now: Date) {
  return {
    id: row.id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    divisionCode: row.division_code,
    districtCode: row.district_code,
    kind: row.kind as 'initial' | 'change',
    institutionStatus: row.status as InstitutionStatus,
    submittedAt: iso(row.submitted_at),
    waitingDays: daysBetween(todayInShanghai(new Date(row.submitted_at)), todayInShanghai(row.decided_at ? new Date(row.decided_at) : now)),
    reviewStartedAt: isoOrNull(row.review_started_at),
    outcome: row.outcome as 'filed' | 'returned' | 'cancelled' | null,
    decidedAt: isoOrNull(row.decided_at),
    receiptNumber: row.receipt_number,
  };
}

/** The review queue: filings of institutions in the caller's district (or the city). */
export async function listFilings(deps: Deps, scope: Scope, filter: QueueFilter) {
  const { total, rows } = await findFilingPage(deps.db, scope, filter);
  const now = deps.clock.now();
  return { total, items: rows.map((r) => queueItem(r, now)) };
}

/** One filing with what was submitted, what was in force before, and the checklist. */
export async function getFiling(deps: Deps, scope: Scope, filingId: string) {
  const row = await findFilingInScope(deps.db, scope, filingId);
  if (!row) throw new AppError('NOT_FOUND');
  const previous = await findPreviousFiledSnapshot(deps.db, row.institution_id, row.submission_no);
  const snapshot = parseJson(row.snapshot) as FilingSnapshot;
  const institution = { id: row.institution_id, division_code: row.division_code };
  const isOpen = row.outcome === null;
  return {
    ...queueItem(row, deps.clock.now()),
    changedFacts: row.changed_facts as KeyFact[],
    reasons: row.reasons,
    filedDespiteReason: row.filed_despite_reason,
    compliance: isOpen ? await problemsNow(deps, row.institution_id) : null,
    rosterConflicts: isOpen ? await rosterConflictsNow(deps, row.institution_id) : null,
    checklist: row.checklist === null ? null : (parseJson(row.checklist) as Record<string, boolean>),
    checklistItems: applicableChecklist(snapshot.facts.servesMeals).map((c: ChecklistItem) => ({
      item: c.item,
      document: c.document ?? null,
      'zh-CN': c['zh-CN'],
      en: c.en,
    })),
    snapshot,
    filedSnapshot: row.kind === 'change' && previous ? (parseJson(previous.snapshot) as FilingSnapshot) : null,
    allowedActions: isOpen
      ? allowedFilingActions(
          row.status as InstitutionStatus,
          actingRoles(scope, institution),
          await hasFiledVersion(deps.db, row.institution_id),
        )
      : [],
  };
}

/** What filing would pass over now: the same problems the `file` action asks a reason for. */
async function problemsNow(deps: Deps, institutionId: string) {
  const today = todayInShanghai(deps.clock.now());
  const [states, settings] = await Promise.all([loadStates(deps.db, [institutionId], today), findComplianceSettings(deps.db)]);
  const state = states.get(institutionId);
  return state ? complianceOf(state, today, settings).map(problemView) : [];
}

/** Staff of the institution active in another filed or reviewed institution now (issue 19). */
async function rosterConflictsNow(deps: Deps, institutionId: string) {
  const today = todayInShanghai(deps.clock.now());
  const state = (await loadStates(deps.db, [institutionId], today)).get(institutionId);
  return state ? findRosterConflicts(deps.db, state.staff, institutionId, today) : [];
}

function parseJson(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
