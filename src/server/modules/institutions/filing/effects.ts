import type { Transaction } from 'kysely';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { unconfirmedItems } from '../../../../domain/institutions/filingChecklist.ts';
import type { FilingAction } from '../../../../domain/institutions/filingWorkflow.ts';
import { changedKeyFacts } from '../../../../domain/institutions/keyFacts.ts';
import type { DB } from '../../../db/schema.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { pinyinOf } from '../../geography/index.ts';
import { filedKeyFacts, workingKeyFacts } from '../common/presenters.ts';
import { type InstitutionRow, loadStates } from '../common/state.ts';
import { findComplianceSettings } from '../compliance/settings.ts';
import { publishFiledVersion, restoreFiledVersion, setFiledActive } from './publish.ts';
import { issueReceiptNumber } from './receipts.ts';
import { missingForFiling, snapshotOf } from './snapshot.ts';

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
  const filing = await c.trx
    .selectFrom('institution_filings')
    .select(['id', 'district_code'])
    .where('institution_id', '=', c.institution.id)
    .where('outcome', 'is', null)
    .forUpdate()
    .executeTakeFirst();
  if (!filing) throw new Error(`institution ${c.institution.id} is ${c.institution.status} without an open filing`);
  return filing;
}

const submit: Effect = async (c) => {
  const today = todayInShanghai(c.now);
  const state = (await loadStates(c.trx, [c.institution.id], today, { files: true })).get(c.institution.id);
  if (!state) throw new AppError('NOT_FOUND');
  const missing = missingForFiling(state);
  if (missing.length > 0)
    throw new AppError(
      'FILING_INCOMPLETE',
      { count: missing.length },
      missing.map((item) => ({ item })),
    );
  const changed = state.filed ? changedKeyFacts(workingKeyFacts(state), filedKeyFacts(state, state.filed)) : [];
  if (state.filed && changed.length === 0) throw new AppError('FILING_NO_CHANGES');
  const settings = await findComplianceSettings(c.trx);
  const filing = await c.trx
    .insertInto('institution_filings')
    .values({
      institution_id: c.institution.id,
      kind: state.filed ? 'change' : 'initial',
      district_code: c.institution.division_code.slice(0, 6),
      snapshot: JSON.stringify(snapshotOf(state, today, settings)),
      changed_facts: changed,
      submitted_at: c.now,
      submitted_by: c.actorId,
    })
    .returning(['id', 'kind'])
    .executeTakeFirstOrThrow();
  return { filingId: filing.id, kind: filing.kind, changedFacts: changed };
};

const startReview: Effect = async (c) => {
  const filing = await openFiling(c);
  await c.trx
    .updateTable('institution_filings')
    .set({ review_started_at: c.now, reviewer_id: c.actorId })
    .where('id', '=', filing.id)
    .execute();
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
  const filing = await openFiling(c);
  const receipt = await issueReceiptNumber(c.trx, filing.district_code, Number(todayInShanghai(c.now).slice(0, 4)));
  await c.trx
    .updateTable('institution_filings')
    .set({
      outcome: 'filed',
      decided_at: c.now,
      decided_by: c.actorId,
      checklist: JSON.stringify(c.input.checklist ?? {}),
      receipt_number: receipt.number,
      receipt_year: receipt.year,
      receipt_seq: receipt.sequence,
    })
    .where('id', '=', filing.id)
    .execute();
  await publishFiledVersion(c.trx, c.institution.id, receipt.number, c.now);
  return { filingId: filing.id, receiptNumber: receipt.number };
};

const returnFiling: Effect = async (c) => {
  const filing = await openFiling(c);
  await c.trx
    .updateTable('institution_filings')
    .set({
      outcome: 'returned',
      decided_at: c.now,
      decided_by: c.actorId,
      reasons: c.input.reason ?? null,
      checklist: c.input.checklist ? JSON.stringify(c.input.checklist) : null,
    })
    .where('id', '=', filing.id)
    .execute();
  return { filingId: filing.id };
};

const discardChanges: Effect = async (c) => {
  const filed = await c.trx
    .selectFrom('filed_institutions')
    .select('name')
    .where('institution_id', '=', c.institution.id)
    .executeTakeFirstOrThrow();
  await restoreFiledVersion(c.trx, c.institution.id, pinyinOf(filed.name).initials, c.now);
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
  await c.trx
    .updateTable('institution_filings')
    .set({ outcome: 'cancelled', decided_at: c.now, decided_by: c.actorId, reasons: c.input.reason ?? null })
    .where('institution_id', '=', c.institution.id)
    .where('outcome', 'is', null)
    .execute();
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
