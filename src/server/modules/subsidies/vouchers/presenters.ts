import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { daysLeft } from '../../../../domain/subsidies/programs.ts';
import { formatVoucherCode, voucherQrText } from '../../../../domain/subsidies/voucherCode.ts';
import { iso } from '../common/schemas.ts';
import type { ApplicationRow, LiveRedemptionRow, VoucherRow } from './queries.ts';
import type { ApplicationView, VoucherView } from './schemas.ts';

/** A voucher unused within this many days of its last day is flagged (and its family reminded). */
export const EXPIRY_REMINDER_DAYS = 7;

type ProgramPlace = { id: string; division_code: string; inclusive_only: boolean };
export type UsableAt = (p: ProgramPlace) => VoucherView['usableAt'];

/** Where vouchers of a program can be used, from the programs' listed institutions and their names. */
export function usableAtFrom(listed: { program_id: string; institution_id: string }[], names: Map<string, string>): UsableAt {
  return (p) => {
    const own = listed.filter((l) => l.program_id === p.id).map((l) => ({ id: l.institution_id, name: names.get(l.institution_id) ?? '' }));
    return { kind: own.length > 0 ? 'listed' : p.inclusive_only ? 'inclusive' : 'any', divisionCode: p.division_code, institutions: own };
  };
}

/** Vouchers as their family sees them, with their live redemption (if any) and where they can be used. */
export function presentVouchers(rows: VoucherRow[], redemptions: LiveRedemptionRow[], usableAt: UsableAt, now: Date): VoucherView[] {
  const today = todayInShanghai(now);
  return rows.map((v) => {
    // Past its last day a voucher reads as expired even before the job has written it so.
    const status = v.status === 'active' && v.expires_on < today ? 'expired' : (v.status as VoucherView['status']);
    const r = redemptions.find((x) => x.voucher_id === v.id);
    const left = daysLeft(v.expires_on, today);
    return {
      id: v.id,
      code: v.code,
      codeDisplay: formatVoucherCode(v.code),
      qrText: voucherQrText(v.code),
      programId: v.program_id,
      programName: v.program_name,
      childId: v.child_id,
      childName: v.child_name,
      faceValueFen: v.face_value_fen,
      balanceFen: status === 'active' ? v.face_value_fen : 0,
      status,
      issuedVia: v.issued_via as VoucherView['issuedVia'],
      issuedAt: new Date(v.issued_at).toISOString(),
      validFrom: v.valid_from,
      expiresOn: v.expires_on,
      daysLeft: left,
      expiresSoon: status === 'active' && left <= EXPIRY_REMINDER_DAYS,
      usableAt: usableAt({ id: v.program_id, division_code: v.division_code, inclusive_only: v.inclusive_only }),
      redemption: r
        ? {
            id: r.id,
            institutionId: r.institution_id,
            institutionName: r.institution_name,
            statementId: r.statement_id,
            amountFen: r.amount_fen,
            redeemedAt: new Date(r.redeemed_at).toISOString(),
          }
        : null,
    };
  });
}

export function presentApplications(rows: ApplicationRow[]): ApplicationView[] {
  return rows.map((a) => ({
    id: a.id,
    programId: a.program_id,
    programName: a.program_name,
    childId: a.child_id,
    childName: a.child_name,
    status: a.status as ApplicationView['status'],
    appliedAt: new Date(a.applied_at).toISOString(),
    decidedAt: iso(a.decided_at),
    lotteryAt: iso(a.lottery_at),
    voucherId: a.voucher_id,
  }));
}
