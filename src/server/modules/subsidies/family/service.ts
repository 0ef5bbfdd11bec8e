import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { childcareSubsidyByYear, type SharePercent, yearlyDeduction } from '../../../../domain/subsidies/familyRules.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { childVisible, findVisibleChild } from '../common/access.ts';
import { findSubsidyPolicy, type SubsidyPolicy, saveSubsidyPolicy } from '../common/policy.ts';
import { findGuardianChildren } from '../common/queries.ts';
import { presentClaim } from './presenters.ts';
import * as q from './queries.ts';
import type { TaxDeductionStatement } from './schemas.ts';

function requireTaxYear(deps: Deps, year: number, path: string) {
  if (year > Number(todayInShanghai(deps.clock.now()).slice(0, 4))) throw fieldError(path, 'taxYear.range');
}

/**
 * The signed-in guardian's yearly statement for the special deduction: each of their children's
 * eligible months at this guardian's share. A guardian who has not chosen takes what the other
 * guardians left (100% if no one chose).
 */
export async function taxDeductionStatement(deps: Deps, scope: Scope, year: number): Promise<TaxDeductionStatement> {
  requireTaxYear(deps, year, 'params.year');
  const guardian = scope.guardianUserId as string;
  const [children, policy, shares] = await Promise.all([
    findGuardianChildren(deps.db, guardian),
    findSubsidyPolicy(deps.db),
    q.findShares(deps.db, year),
  ]);
  const rows = children.map((c) => {
    const own = shares.find((s) => s.child_id === c.id && s.user_id === guardian);
    const others = shares.filter((s) => s.child_id === c.id && s.user_id !== guardian).reduce((n, s) => n + s.share_percent, 0);
    const share = own ? own.share_percent : 100 - others;
    const deduction =
      share > 0 ? yearlyDeduction(c.birth_date, year, share as SharePercent, policy.taxDeductionRates) : { months: [], totalFen: 0 };
    return {
      childId: c.id,
      childName: c.name,
      birthDate: c.birth_date,
      sharePercent: share,
      shareChosen: own !== undefined,
      otherGuardiansPercent: others,
      months: deduction.months,
      totalFen: deduction.totalFen,
    };
  });
  return { year, guardianName: scope.actor.name, children: rows, totalFen: rows.reduce((s, r) => s + r.totalFen, 0) };
}

/**
 * A guardian chooses their share of a child's deduction for a year. The child's row is locked so
 * two guardians choosing at once cannot pass 100% between them.
 */
export async function chooseShare(
  deps: Deps,
  scope: Scope,
  childId: string,
  year: number,
  sharePercent: SharePercent,
  context: AuditContext,
) {
  requireTaxYear(deps, year, 'params.year');
  const guardian = scope.guardianUserId as string;
  if (!(await childVisible(deps.db, scope, childId))) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await q.lockChildForShares(trx, childId);
    const taken = await q.sumOtherShares(trx, childId, year, guardian);
    if (taken + sharePercent > 100) throw new AppError('DEDUCTION_SHARE_CONFLICT', { taken });
    await q.upsertShare(trx, { childId, year, userId: guardian, sharePercent }, now);
    await appendAudit(
      trx,
      context,
      { action: 'tax_deduction.choose_share', entityType: 'child', entityId: childId, detail: { year, sharePercent } },
      now,
    );
  });
  return taxDeductionStatement(deps, scope, year);
}

/** The months and amounts of the national childcare subsidy due for a guardian's child, and their application. */
export async function childcareSubsidy(deps: Deps, scope: Scope, childId: string) {
  const child = await findVisibleChild(deps.db, scope, childId);
  if (!child) throw new AppError('NOT_FOUND');
  const policy = (await findSubsidyPolicy(deps.db)).childcareSubsidy;
  const years = childcareSubsidyByYear(child.birth_date, policy);
  const claim = await q.findClaimOfChild(deps.db, childId);
  return {
    childId,
    childName: child.name,
    birthDate: child.birth_date,
    policy,
    years,
    totalFen: years.reduce((s, y) => s + y.amountFen, 0),
    claim: claim ? presentClaim(claim) : null,
  };
}

export async function applyForChildcareSubsidy(deps: Deps, scope: Scope, childId: string, context: AuditContext) {
  const view = await childcareSubsidy(deps, scope, childId);
  if (view.totalFen === 0) throw fieldError('params.id', 'childcareSubsidy.none');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const inserted = await q.insertClaim(trx, childId, scope.actor.userId, now);
    if (!inserted) throw new AppError('SUBSIDY_ALREADY_CLAIMED');
    await appendAudit(
      trx,
      context,
      {
        action: 'childcare_subsidy.apply',
        entityType: 'child',
        entityId: childId,
        detail: { claimId: inserted.id, totalFen: view.totalFen },
      },
      now,
    );
  });
  return childcareSubsidy(deps, scope, childId);
}

/** Applications in the official's area (by the child's residence), without names. */
export async function listClaims(deps: Deps, scope: Scope, status: string | undefined) {
  const rows = await q.findClaimsInScope(deps.db, scope, status);
  const policy = (await findSubsidyPolicy(deps.db)).childcareSubsidy;
  return rows.map((r) => ({
    ...presentClaim(r),
    residenceDivisionCode: r.residence_division_code,
    birthMonth: r.birth_date.slice(0, 7),
    totalFen: childcareSubsidyByYear(r.birth_date, policy).reduce((s, y) => s + y.amountFen, 0),
  }));
}

export async function decideClaim(
  deps: Deps,
  scope: Scope,
  id: string,
  decision: 'approve' | 'reject',
  reason: string | undefined,
  context: AuditContext,
) {
  const now = deps.clock.now();
  const visible = (await listClaims(deps, scope, undefined)).find((c) => c.id === id);
  if (!visible) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const updated = await q.decideAppliedClaim(
      trx,
      id,
      { status: decision === 'approve' ? 'approved' : 'rejected', by: scope.actor.userId, reason: reason ?? null },
      now,
    );
    if (!updated) throw new AppError('SUBSIDY_ACTION_NOT_ALLOWED', { status: visible.status, action: decision, allowed: '—' });
    await appendAudit(
      trx,
      context,
      { action: `childcare_subsidy.${decision}`, entityType: 'child', entityId: updated.child_id, detail: { claimId: id, reason } },
      now,
    );
  });
  return (await listClaims(deps, scope, undefined)).find((c) => c.id === id);
}

export const getPolicy = (deps: Deps) => findSubsidyPolicy(deps.db);

export async function setPolicy(deps: Deps, policy: SubsidyPolicy, context: AuditContext) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await saveSubsidyPolicy(trx, policy, now);
    await appendAudit(
      trx,
      context,
      { action: 'subsidy_policy.update', entityType: 'setting', entityId: 'subsidies.policy', detail: policy },
      now,
    );
  });
  return findSubsidyPolicy(deps.db);
}
