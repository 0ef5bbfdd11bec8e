import { randomInt } from 'node:crypto';
import { todayInShanghai, toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import { ineligibility } from '../../../../domain/subsidies/eligibility.ts';
import { drawLottery } from '../../../../domain/subsidies/lottery.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { issueVouchers } from '../vouchers/issue.ts';
import { rulesOf } from './acceptance.ts';
import { findPendingApplicants, lockProgram, markApplicationWon, markPendingLost, updateProgramRow } from './queries.ts';
import { requireProgram } from './service.ts';

/**
 * The draw (摇号) once applications have closed: as many winners as whole vouchers fit the budget
 * left, chosen by `drawLottery` over the pending applicants in application order with a fresh
 * seed that is recorded on the program and in the audit log, so the draw can be checked.
 * Applicants who stopped being eligible (turned 3) before the draw do not take part.
 */
export async function runLottery(deps: Deps, scope: Scope, programId: string, context: AuditContext) {
  await requireProgram(deps, scope, programId);
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  return deps.db.transaction().execute(async (trx) => {
    const program = await lockProgram(trx, programId);
    if (!program) throw new AppError('NOT_FOUND');
    const at = program.lottery_at ? new Date(program.lottery_at) : null;
    if (program.issuance !== 'lottery' || !at || now < at || program.lottery_drawn_at || program.status !== 'open') {
      throw new AppError('LOTTERY_NOT_DUE', { at: at ? toShanghaiMinute(at) : '—' });
    }
    const pending = await findPendingApplicants(trx, programId);
    const rules = { ...rulesOf(program), perChildLimit: Number.MAX_SAFE_INTEGER };
    const eligible = pending.filter(
      (a) =>
        ineligibility(rules, { birthDate: a.birth_date, residenceDivisionCode: a.residence_division_code, vouchersHeld: 0 }, today)
          .length === 0,
    );
    const places = Math.floor(program.unissued_fen / program.face_value_fen);
    const seed = randomInt(0, 2 ** 31);
    const { winners } = drawLottery(eligible, places, seed);
    const { issued, audit } = await issueVouchers(
      trx,
      program,
      winners.map((w) => ({ childId: w.child_id, claimedBy: w.applied_by })),
      'lottery',
      now,
    );
    for (const [i, w] of winners.entries()) {
      const voucher = issued[i];
      if (!voucher) break;
      await markApplicationWon(trx, w.id, voucher.voucherId, now);
    }
    await markPendingLost(trx, programId, now);
    await updateProgramRow(trx, programId, { lottery_seed: seed, lottery_drawn_at: now, updated_at: now });
    await appendAudit(
      trx,
      context,
      [
        {
          action: 'voucher_program.lottery',
          entityType: 'voucher_program',
          entityId: programId,
          detail: { seed, applicants: eligible.map((a) => a.id), places, winners: issued.length },
        },
        ...audit,
      ],
      now,
    );
    return { issued: issued.length, notIssued: pending.length - issued.length };
  });
}
