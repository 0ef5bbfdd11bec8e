import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import { defund, fund } from '../../../../domain/subsidies/ledger.ts';
import { type ProgramAction, type ProgramStatus, ProgramWorkflow } from '../../../../domain/subsidies/programs.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionInScope } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { appendEntries } from '../common/ledger.ts';
import { expireVouchers } from '../vouchers/expiry.ts';
import { presentPrograms, presentSummary } from './presenters.ts';
import * as q from './queries.ts';
import type { CreateProgram, UpdateProgram } from './schemas.ts';

type Rules = Omit<CreateProgram, 'name' | 'description' | 'divisionCode'>;

function ownDivision(scope: Scope): string {
  const grant = scope.grants.find((g) => g.role === 'city_official' && g.divisionCode);
  if (!grant?.divisionCode) throw new AppError('FORBIDDEN');
  return grant.divisionCode;
}

async function checkRules(deps: Deps, divisionCode: string, rules: Rules) {
  const residence = rules.residenceDivisionCodes ?? [divisionCode];
  if (!residence.every((code) => isWithinDivision(code, divisionCode)))
    throw fieldError('body.residenceDivisionCodes', 'program.residence');
  const listed = new Set(rules.institutionIds);
  if ((await q.countExistingInstitutions(deps.db, [...listed])) !== listed.size)
    throw fieldError('body.institutionIds', 'institution.notAccepting');
  return residence;
}

function ruleColumns(rules: Rules, residence: string[]) {
  return {
    budget_fen: rules.budgetFen,
    face_value_fen: rules.faceValueFen,
    valid_from: rules.validFrom,
    valid_to: rules.validTo,
    voucher_valid_days: rules.voucherValidDays,
    issuance: rules.issuance,
    lottery_at: rules.lotteryAt,
    max_age_months: rules.maxAgeMonths,
    residence_division_codes: residence,
    per_child_limit: rules.perChildLimit,
    inclusive_only: rules.inclusiveOnly,
  };
}

/**
 * Officials see the programs of their division, the divisions above it, and those below it;
 * families and institutions those not in draft. A rule on this module's own rows, so it is not
 * in platform/access/visibility.ts (README, Decisions).
 */
export function programVisibleTo(scope: Scope, program: { division_code: string; status: string }): boolean {
  // The city, or an official whose district the program's division lies in; then the divisions above.
  if (divisionInScope(scope, program.division_code)) return true;
  if (scope.divisionCodes.some((code) => isWithinDivision(code, program.division_code))) return true;
  const familyOrInstitution = scope.guardianUserId !== null || scope.institutionIds.length > 0;
  return familyOrInstitution && program.status !== 'draft';
}

/** A program the caller may see through this route, or not found. */
export async function requireProgram(deps: Deps, scope: Scope, id: string) {
  const program = await q.findProgram(deps.db, id);
  if (!program || !programVisibleTo(scope, program)) throw new AppError('NOT_FOUND');
  return program;
}

/** The programs' views: their redeeming institutions and voucher and application counts, in three queries. */
async function programViews(db: Db, rows: q.ProgramRow[]) {
  const ids = rows.map((r) => r.id);
  const [institutions, vouchers, applications] = await Promise.all([
    q.findProgramInstitutions(db, ids),
    q.countVouchersByStatus(db, ids),
    q.countApplicationsByStatus(db, ids),
  ]);
  return presentPrograms(rows, { institutions, vouchers, applications });
}

/** A city official sets up a program as a draft, its whole budget funded into `unissued`. */
export async function createProgram(deps: Deps, scope: Scope, input: CreateProgram, context: AuditContext) {
  const own = ownDivision(scope);
  const divisionCode = input.divisionCode ?? own;
  if (!isWithinDivision(divisionCode, own)) throw fieldError('body.divisionCode', 'program.residence');
  const residence = await checkRules(deps, divisionCode, input);
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    // Inserted funded (the ledger-equation check holds from the first row); the entry records it.
    const programId = await q.insertProgram(trx, {
      name: input.name,
      description: input.description,
      division_code: divisionCode,
      ...ruleColumns(input, residence),
      unissued_fen: input.budgetFen,
      created_by: scope.actor.userId,
      created_at: now,
      updated_at: now,
    });
    const [txnId] = await appendEntries(trx, programId, 'fund', [{ transfers: fund(input.budgetFen), refs: {} }], now);
    await q.replaceProgramInstitutions(trx, programId, input.institutionIds);
    await appendAudit(
      trx,
      context,
      {
        action: 'voucher_program.create',
        entityType: 'voucher_program',
        entityId: programId,
        detail: { budgetFen: input.budgetFen, txnId },
      },
      now,
    );
    return programId;
  });
  return getProgram(deps, scope, id);
}

/** Names and descriptions change at any time; rules and budget only while nothing can have been issued (draft). */
export async function updateProgram(deps: Deps, scope: Scope, id: string, input: UpdateProgram, context: AuditContext) {
  const existing = await requireProgram(deps, scope, id);
  const now = deps.clock.now();
  const residence = input.rules ? await checkRules(deps, existing.division_code, input.rules) : undefined;
  await deps.db.transaction().execute(async (trx) => {
    const program = await q.lockProgram(trx, id);
    if (!program) throw new AppError('NOT_FOUND');
    const rules = input.rules;
    if (rules && program.status !== 'draft') throw fieldError('body.rules', 'program.notDraft');
    await q.updateProgramRow(trx, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      // A draft has issued nothing, so its unissued amount is its budget.
      ...(rules && residence ? { ...ruleColumns(rules, residence), unissued_fen: rules.budgetFen } : {}),
      updated_at: now,
    });
    let txnId: string | undefined;
    if (rules && rules.budgetFen !== program.budget_fen) {
      const change = rules.budgetFen - program.budget_fen;
      [txnId] = await appendEntries(trx, id, 'fund', [{ transfers: change > 0 ? fund(change) : defund(-change), refs: {} }], now);
    }
    if (rules) await q.replaceProgramInstitutions(trx, id, rules.institutionIds);
    await appendAudit(
      trx,
      context,
      { action: 'voucher_program.update', entityType: 'voucher_program', entityId: id, detail: { ...input, txnId } },
      now,
    );
  });
  return getProgram(deps, scope, id);
}

/** Open, pause or close; a refused action is 409 with the actions the status allows. */
export async function changeProgramStatus(deps: Deps, scope: Scope, id: string, action: ProgramAction, context: AuditContext) {
  await requireProgram(deps, scope, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const program = await q.lockProgram(trx, id);
    if (!program) throw new AppError('NOT_FOUND');
    const status = program.status as ProgramStatus;
    const next = ProgramWorkflow.step(status, action)?.to;
    if (!next) {
      const allowed = ProgramWorkflow.allowedActions(status, ['city_official']);
      throw actionNotAllowed('SUBSIDY_ACTION_NOT_ALLOWED', { status, action, allowed });
    }
    await q.updateProgramRow(trx, id, {
      status: next,
      updated_at: now,
      ...(action === 'open' && !program.opened_at ? { opened_at: now } : {}),
      ...(action === 'close' ? { closed_at: now } : {}),
    });
    await appendAudit(
      trx,
      context,
      { action: `voucher_program.${action}`, entityType: 'voucher_program', entityId: id, detail: { from: status, to: next } },
      now,
    );
  });
  return getProgram(deps, scope, id);
}

export async function listPrograms(deps: Deps, scope: Scope) {
  const official = scope.cityWide || scope.divisionCodes.length > 0;
  const rows = (await q.findPrograms(deps.db, { notDraft: !official })).filter((p) => programVisibleTo(scope, p));
  return programViews(deps.db, rows);
}

export async function getProgram(deps: Deps, scope: Scope, id: string) {
  const [view] = await programViews(deps.db, [await requireProgram(deps, scope, id)]);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

/**
 * The contract's summary. Vouchers past their last day are expired first (as the daily job
 * would), so the figures are right at any moment, not only after the job has run.
 */
export async function getSummary(deps: Deps, scope: Scope, id: string) {
  await requireProgram(deps, scope, id);
  await expireVouchers(deps, { programId: id });
  return presentSummary(await requireProgram(deps, scope, id));
}

/** The program's ledger entries in order, with a check that they agree with its balances. */
export async function getLedger(deps: Deps, scope: Scope, id: string, afterId: number, limit: number) {
  const program = await requireProgram(deps, scope, id);
  const [entries, totals] = await Promise.all([q.findLedgerEntries(deps.db, id, afterId, limit), q.ledgerTotals(deps.db, id)]);
  const sums = totals.accounts;
  const balanced =
    totals.unbalancedTransactions === 0 &&
    (sums.funding ?? 0) === -program.budget_fen &&
    (sums.unissued ?? 0) === program.unissued_fen &&
    (sums.outstanding ?? 0) === program.outstanding_fen &&
    (sums.redeemed ?? 0) === program.redeemed_fen &&
    (sums.payable ?? 0) === program.payable_fen &&
    (sums.paid ?? 0) === program.paid_fen &&
    (sums.expired ?? 0) === program.expired_fen;
  return {
    balanced,
    items: entries.map((e) => ({
      id: e.id,
      txnId: e.txn_id,
      kind: e.kind as 'fund',
      account: e.account as 'funding',
      amountFen: e.amount_fen,
      voucherId: e.voucher_id,
      redemptionId: e.redemption_id,
      settlementId: e.settlement_id,
      institutionId: e.institution_id,
      at: new Date(e.at).toISOString(),
    })),
  };
}
