import { reversalRefusal } from '../../../../domain/subsidies/programs.ts';
import { iso } from '../common/schemas.ts';
import type { RedemptionRow } from './queries.ts';
import type { RedemptionView } from './schemas.ts';

export function presentRedemption(r: RedemptionRow, currentMonth: string): RedemptionView {
  const status = r.reversed_at ? 'reversed' : r.settlement_status === 'paid' ? 'paid' : r.settlement_id ? 'settled' : 'redeemed';
  return {
    id: r.id,
    voucherId: r.voucher_id,
    code: r.code,
    programId: r.program_id,
    institutionId: r.institution_id,
    statementId: r.statement_id,
    statementMonth: r.statement_month,
    deductionId: r.deduction_id,
    childId: r.child_id,
    childName: r.child_name,
    amountFen: r.amount_fen,
    releasedFen: r.released_fen,
    month: r.month,
    idempotencyKey: r.idempotency_key,
    redeemedAt: new Date(r.redeemed_at).toISOString(),
    status,
    reversedAt: iso(r.reversed_at),
    reversalReason: r.reversal_reason,
    settlementId: r.settlement_id,
    reversible:
      reversalRefusal({ month: r.month, reversed: r.reversed_at !== null, settled: r.settlement_id !== null }, currentMonth) === undefined,
  };
}
