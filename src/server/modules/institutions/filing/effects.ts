import type { Transaction } from 'kysely';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { unconfirmedItems } from '../../../../domain/institutions/filingChecklist.ts';
import { missingForFiling } from '../../../../domain/institutions/filingReadiness.ts';
import type { FilingAction } from '../../../../domain/institutions/filingWorkflow.ts';
import { changedKeyFacts } from '../../../../domain/institutions/keyFacts.ts';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { pinyinOf } from '../../geography/index.ts';
import { complianceOf, filedKeyFacts, workingKeyFacts } from '../common/presenters.ts';
import { type InstitutionRow, loadStates } from '../common/state.ts';
import { findComplianceSettings } from '../compliance/settings.ts';
import { findRosterConflicts } from '../staff/service.ts';
import {
  decideOpenFilings,
  findFiledName,
  insertFiling,
  issueReceiptNumber,
  lockOpenFiling,
  publishFiledVersion,
  restoreFiledVersion,
  setFiledActive,
  updateFiling,
} from './queries.ts';
import { filingDraftOf, snapshotOf } from './snapshot.ts';

export type TransitionInput = {
  action: FilingAction;
  reason?: string;
  checklist?: Partial<Record<string, boolean>>;
};

export type EffectContext = {
  trx: Transaction<DB>;
  institution: InstitutionRow;
  input: TransitionInput;
  actorId: string;
  now: Date;
};

/** What an action writes besides the status; returns details for the audit entry. */
type Effect = (c: EffectContext) => Promise<Record<string, unknown>>;

async function openFiling(c: EffectContext) {
  const filing = await lockOpenFiling(c.trx, c.institution.id);
  if (!filing) throw new Error(`institution ${c.institution.id} is ${c.institution.status} without an open filing`);
  return filing;
}

const submit: Effect = async (c) => {
  const today = todayInShanghai(c.now);
  const state = (await loadStates(c.trx, [c.institution.id], today, { files: true })).get(c.institution.id);
  if (!state) throw new AppError('NOT_FOUND');
  const missing = missingForFiling(filingDraftOf(state));
  // Someone on this roster active in another filed or reviewed institution: listed with what is missing.
  const conflicts = await findRosterConflicts(c.trx, state.staff, c.institution.id, today, { lock: true });
  if (missing.length + conflicts.length > 0)
    throw new AppError('FILING_INCOMPLETE', { count: missing.length + conflicts.length }, [
      ...missing.map((item) => ({ item })),
      ...conflicts.map((conflict) => ({ item: 'staff.activeElsewhere', ...conflict })),
    ]);
  const changed = state.filed ? changedKeyFacts(workingKeyFacts(state), filedKeyFacts(state, state.filed)) : [];
  if (state.filed && changed.length === 0) throw new AppError('FILING_NO_CHANGES');
  const settings = await findComplianceSettings(c.trx);
  const filing = await insertFiling(c.trx, {
    institution_id: c.institution.id,
    kind: state.filed ? 'change' : 'initial',
    district_code: c.institution.division_code.slice(0, 6),
    snapshot: JSON.stringify(snapshotOf(state, today, settings)),
    changed_facts: changed,
    submitted_at: c.now,
    submitted_by: c.actorId,
  });
  return { filingId: filing.id, kind: filing.kind, changedFacts: changed };
};

const startReview: Effect = async (c) => {
  const filing = await openFiling(c);
  await updateFiling(c.trx, filing.id, { review_started_at: c.now, reviewer_id: c.actorId });
  return { filingId: filing.id };
};

const file: Effect = async (c) => {
  const unconfirmed = unconfirmedItems(c.institution.serves_meals, c.input.checklist ?? {});
  if (unconfirmed.length > 0) {
    throw new AppError(
      'FILING_CHECKLIST_INCOMPLETE',
      { count: unconfirmed.length },
      unconfirmed.map((item) => ({ item })),
    );
  }
  // Problems as they are now, not as submitted: certificates can lapse while a filing waits.
  const today = todayInShanghai(c.now);
  const state = (await loadStates(c.trx, [c.institution.id], today)).get(c.institution.id);
  const problems = state ? complianceOf(state, today, await findComplianceSettings(c.trx)) : [];
  if (problems.length > 0 && !c.input.reason) {
    throw new AppError('FILING_REASON_REQUIRED', { count: problems.length }, [
      { path: 'body.reason', messageKey: 'filing.reasonRequired' },
    ]);
  }
  const filing = await openFiling(c);
  const receipt = await issueReceiptNumber(c.trx, filing.district_code, Number(todayInShanghai(c.now).slice(0, 4)));
  await updateFiling(c.trx, filing.id, {
    outcome: 'filed',
    decided_at: c.now,
    decided_by: c.actorId,
    checklist: JSON.stringify(c.input.checklist ?? {}),
    receipt_number: receipt.number,
    receipt_year: receipt.year,
    receipt_seq: receipt.sequence,
    filed_despite_reason: problems.length > 0 ? (c.input.reason ?? null) : null,
  });
  await publishFiledVersion(c.trx, c.institution.id, receipt.number, c.now);
  return {
    filingId: filing.id,
    receiptNumber: receipt.number,
    ...(problems.length > 0 ? { filedDespite: problems.map((p) => p.code) } : {}),
  };
};

const returnFiling: Effect = async (c) => {
  const filing = await openFiling(c);
  await updateFiling(c.trx, filing.id, {
    outcome: 'returned',
    decided_at: c.now,
    decided_by: c.actorId,
    reasons: c.input.reason ?? null,
    checklist: c.input.checklist ? JSON.stringify(c.input.checklist) : null,
  });
  return { filingId: filing.id };
};

const discardChanges: Effect = async (c) => {
  const filedName = await findFiledName(c.trx, c.institution.id);
  await restoreFiledVersion(c.trx, c.institution.id, pinyinOf(filedName).initials, c.now);
  return {};
};

const suspend: Effect = async (c) => {
  await setFiledActive(c.trx, c.institution.id, false, c.now);
  return {};
};

const reinstate: Effect = async (c) => {
  await setFiledActive(c.trx, c.institution.id, true, c.now);
  return {};
};

const close: Effect = async (c) => {
  await decideOpenFilings(c.trx, c.institution.id, {
    outcome: 'cancelled',
    decided_at: c.now,
    decided_by: c.actorId,
    reasons: c.input.reason ?? null,
  });
  await setFiledActive(c.trx, c.institution.id, false, c.now);
  return {};
};

export const EFFECTS: Record<FilingAction, Effect> = {
  submit,
  start_review: startReview,
  file,
  return: returnFiling,
  discard_changes: discardChanges,
  suspend,
  reinstate,
  close,
};
