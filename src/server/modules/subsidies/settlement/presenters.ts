import { iso } from '../common/schemas.ts';
import type { findLines, findSettledRedemptions, SettlementRow } from './queries.ts';
import type { SettlementView } from './schemas.ts';

type LineRow = Awaited<ReturnType<typeof findLines>>[number];
type SettledRedemptionRow = Awaited<ReturnType<typeof findSettledRedemptions>>[number];

export function presentSettlements(rows: SettlementRow[], lines: LineRow[]): SettlementView[] {
  return rows.map((s) => ({
    id: s.id,
    institutionId: s.institution_id,
    institutionName: s.institution_name,
    month: s.month,
    totalFen: s.total_fen,
    redemptions: s.redemptions,
    status: s.status as 'settled' | 'paid',
    settledAt: new Date(s.settled_at).toISOString(),
    paidAt: iso(s.paid_at),
    paymentReference: s.payment_reference,
    lines: lines
      .filter((l) => l.settlement_id === s.id)
      .map((l) => ({ programId: l.program_id, programName: l.program_name, amountFen: l.amount_fen, redemptions: l.redemptions })),
  }));
}

/** A settlement's redemptions; child names only for the institution's own director (`withNames`). */
export function presentSettledRedemptions(rows: SettledRedemptionRow[], withNames: boolean) {
  return rows.map((r) => ({
    redemptionId: r.id,
    code: r.code,
    programId: r.program_id,
    amountFen: r.amount_fen,
    redeemedAt: new Date(r.redeemed_at).toISOString(),
    statementMonth: r.statement_month,
    childName: withNames ? r.child_name : null,
  }));
}
