import { compareIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { ineligibility } from '../../../../domain/subsidies/eligibility.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { childVisible, findVisibleChild } from '../common/access.ts';
import { rulesOf } from '../programs/acceptance.ts';
import { lockProgram, type ProgramRow } from '../programs/queries.ts';
import { issueVouchers } from './issue.ts';
import { presentApplications } from './presenters.ts';
import * as q from './queries.ts';
import { voucherViews } from './service.ts';

/** Why the program takes no claims (or applications) today, if it does not. */
function notAccepting(program: ProgramRow, now: Date): string | undefined {
  const today = todayInShanghai(now);
  if (program.status !== 'open') return 'status';
  if (compareIso(today, program.valid_from) < 0 || compareIso(today, program.valid_to) > 0) return 'dates';
  if (program.issuance === 'automatic') return 'automatic';
  if (program.issuance === 'lottery' && (program.lottery_drawn_at || (program.lottery_at && now >= new Date(program.lottery_at)))) {
    return 'lottery_closed';
  }
  return undefined;
}

/**
 * A guardian claims a voucher for their child (first come, first served) or, in a lottery
 * program, applies for the draw. The program row is locked first, so the per-child limit and the
 * budget are checked and spent one claim at a time: 500 claims on a budget for 200 issue 200.
 */
export async function claim(deps: Deps, scope: Scope, programId: string, childId: string, context: AuditContext) {
  const guardian = scope.guardianUserId as string;
  const child = await findVisibleChild(deps.db, scope, childId);
  if (!child) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const result = await deps.db.transaction().execute(async (trx) => {
    const program = await lockProgram(trx, programId);
    if (!program || program.status === 'draft') throw new AppError('NOT_FOUND');
    const refusal = notAccepting(program, now);
    if (refusal) throw new AppError('PROGRAM_NOT_ACCEPTING', {}, { reason: refusal });
    const held = await q.countHeld(trx, programId, childId);
    const facts = { birthDate: child.birth_date, residenceDivisionCode: child.residence_division_code, vouchersHeld: held };
    const reasons = ineligibility(rulesOf(program), facts, today);
    if (reasons.includes('limit_reached')) throw new AppError('VOUCHER_LIMIT_REACHED');
    if (reasons.length > 0) throw new AppError('VOUCHER_NOT_ELIGIBLE', {}, { reasons });
    if (program.issuance === 'lottery') {
      const existing = await q.findChildApplication(trx, programId, childId);
      if (existing && existing.status !== 'withdrawn') throw new AppError('VOUCHER_LIMIT_REACHED');
      const application = existing
        ? await q.reopenApplication(trx, existing.id, guardian, now)
        : await q.insertApplication(trx, { program_id: programId, child_id: childId, applied_by: guardian, applied_at: now });
      await appendAudit(
        trx,
        context,
        { action: 'voucher.apply', entityType: 'child', entityId: childId, detail: { programId, applicationId: application.id } },
        now,
      );
      return { kind: 'application' as const, id: application.id };
    }
    const { issued, audit } = await issueVouchers(trx, program, [{ childId, claimedBy: guardian }], 'claim', now);
    if (issued.length === 0) throw new AppError('BUDGET_EXHAUSTED');
    await appendAudit(trx, context, audit, now);
    return { kind: 'voucher' as const, id: issued[0]?.voucherId as string };
  });
  if (result.kind === 'voucher') {
    const [voucher] = await voucherViews(deps.db, await q.findVouchers(deps.db, { ids: [result.id] }), now);
    return { voucher: voucher ?? null, application: null };
  }
  const [application] = presentApplications(await q.findApplications(deps.db, { ids: [result.id] }));
  return { voucher: null, application: application ?? null };
}

/** A guardian withdraws a pending lottery application. */
export async function withdrawApplication(deps: Deps, scope: Scope, applicationId: string, context: AuditContext) {
  const [row] = await q.findApplications(deps.db, { ids: [applicationId] });
  if (!row || !(await childVisible(deps.db, scope, row.child_id))) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const updated = await q.withdrawPendingApplication(trx, applicationId, now);
    if (!updated) {
      throw new AppError('SUBSIDY_ACTION_NOT_ALLOWED', { status: row.status, action: 'withdraw', allowed: '—' });
    }
    await appendAudit(
      trx,
      context,
      { action: 'voucher.withdraw_application', entityType: 'child', entityId: row.child_id, detail: { applicationId } },
      now,
    );
  });
  const [application] = presentApplications(await q.findApplications(deps.db, { ids: [applicationId] }));
  return application;
}
