import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { reverse } from '../../../../domain/subsidies/ledger.ts';
import { reversalRefusal } from '../../../../domain/subsidies/programs.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { lockStatementForDeduction, reverseDeduction } from '../../enrollment/index.ts';
import { postToLedger } from '../common/ledger.ts';
import { lockVoucher, markActiveAgain } from '../vouchers/queries.ts';
import { presentRedemption } from './presenters.ts';
import * as r from './queries.ts';

const REFUSALS = {
  already_reversed: 'REDEMPTION_ALREADY_REVERSED',
  settled: 'REDEMPTION_SETTLED',
  window_closed: 'REVERSAL_WINDOW_CLOSED',
} as const;

/**
 * The institution that made a redemption reverses it, with a reason, within the calendar month
 * it was made and before settlement: the deduction is struck from the statement and the
 * voucher is whole again. Locks in the redemption's order (voucher, redemption, statement,
 * program), so it never deadlocks with a redemption or a settlement.
 */
export async function reverseRedemption(deps: Deps, scope: Scope, id: string, reason: string, context: AuditContext) {
  const [found] = await r.findRedemptions(deps.db, { ids: [id] });
  if (!found || !scope.institutionIds.includes(found.institution_id)) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const currentMonth = todayInShanghai(now).slice(0, 7);
  await deps.db.transaction().execute(async (trx) => {
    const voucher = await lockVoucher(trx, { id: found.voucher_id });
    const redemption = await r.lockRedemption(trx, id);
    if (!voucher || !redemption) throw new AppError('NOT_FOUND');
    const refusal = reversalRefusal(
      { month: redemption.month, reversed: redemption.reversed_at !== null, settled: redemption.settlement_id !== null },
      currentMonth,
    );
    if (refusal) throw new AppError(REFUSALS[refusal], { month: redemption.month });
    await lockStatementForDeduction(trx, redemption.statement_id);
    await r.markReversed(trx, id, scope.actor.userId, reason, now);
    await reverseDeduction(trx, redemption.deduction_id, now);
    await markActiveAgain(trx, voucher.id);
    const txnIds = await postToLedger(
      trx,
      redemption.program_id,
      'reverse',
      [
        {
          transfers: reverse(redemption.amount_fen, voucher.face_value_fen),
          refs: { voucherId: voucher.id, redemptionId: id, institutionId: redemption.institution_id },
        },
      ],
      now,
    );
    // The part returned to the budget at redemption may have been issued again since.
    if (!txnIds) throw new AppError('BUDGET_EXHAUSTED');
    await appendAudit(
      trx,
      context,
      {
        action: 'voucher.reverse',
        entityType: 'voucher',
        entityId: voucher.id,
        detail: { redemptionId: id, institutionId: redemption.institution_id, amountFen: redemption.amount_fen, reason, txnId: txnIds[0] },
      },
      now,
    );
  });
  const [row] = await r.findRedemptions(deps.db, { ids: [id] });
  return presentRedemption(row as r.RedemptionRow, currentMonth);
}
