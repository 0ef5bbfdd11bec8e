import { type Balances, summaryOf } from '../../../../domain/subsidies/ledger.ts';
import { type IssuanceMode, type ProgramStatus, ProgramWorkflow } from '../../../../domain/subsidies/programs.ts';
import { iso } from '../common/schemas.ts';
import type { ProgramRow } from './queries.ts';
import type { ProgramView } from './schemas.ts';

export function balancesOf(p: ProgramRow): Balances {
  return {
    unissued: p.unissued_fen,
    outstanding: p.outstanding_fen,
    redeemed: p.redeemed_fen,
    payable: p.payable_fen,
    paid: p.paid_fen,
    expired: p.expired_fen,
  };
}

export function presentSummary(p: ProgramRow) {
  return summaryOf(p.budget_fen, balancesOf(p));
}

type StatusCount = { program_id: string; status: string; n: number };

/** Rows → programs with their accounts, counts and redeeming institutions. */
export function presentPrograms(
  rows: ProgramRow[],
  related: { institutions: { program_id: string; institution_id: string }[]; vouchers: StatusCount[]; applications: StatusCount[] },
): ProgramView[] {
  const { institutions, vouchers, applications } = related;
  const count = (list: { program_id: string; status: string; n: number }[], id: string, status: string) =>
    Number(list.find((c) => c.program_id === id && c.status === status)?.n ?? 0);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    description: p.description,
    divisionCode: p.division_code,
    status: p.status as ProgramStatus,
    allowedActions: ProgramWorkflow.allowedActions(p.status as ProgramStatus, ['city_official']),
    budgetFen: p.budget_fen,
    faceValueFen: p.face_value_fen,
    validFrom: p.valid_from,
    validTo: p.valid_to,
    voucherValidDays: p.voucher_valid_days,
    issuance: p.issuance as IssuanceMode,
    lotteryAt: iso(p.lottery_at),
    lotteryDrawnAt: iso(p.lottery_drawn_at),
    lotterySeed: p.lottery_seed === null ? null : Number(p.lottery_seed),
    maxAgeMonths: p.max_age_months,
    residenceDivisionCodes: p.residence_division_codes,
    perChildLimit: p.per_child_limit,
    inclusiveOnly: p.inclusive_only,
    institutionIds: institutions.filter((i) => i.program_id === p.id).map((i) => i.institution_id),
    summary: presentSummary(p),
    accounts: {
      unissuedFen: p.unissued_fen,
      outstandingFen: p.outstanding_fen,
      redeemedFen: p.redeemed_fen,
      payableFen: p.payable_fen,
      paidFen: p.paid_fen,
      expiredFen: p.expired_fen,
    },
    vouchers: { active: count(vouchers, p.id, 'active'), spent: count(vouchers, p.id, 'spent'), expired: count(vouchers, p.id, 'expired') },
    applications: {
      pending: count(applications, p.id, 'pending'),
      won: count(applications, p.id, 'won'),
      lost: count(applications, p.id, 'lost'),
    },
    createdAt: new Date(p.created_at).toISOString(),
    openedAt: iso(p.opened_at),
    closedAt: iso(p.closed_at),
  }));
}
