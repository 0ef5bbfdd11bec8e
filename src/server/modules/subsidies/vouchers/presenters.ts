import type { Kysely } from 'kysely';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { daysLeft } from '../../../../domain/subsidies/programs.ts';
import { formatVoucherCode, voucherQrText } from '../../../../domain/subsidies/voucherCode.ts';
import type { DB } from '../../../db/schema.ts';
import { iso } from '../common/schemas.ts';
import { findProgramInstitutions } from '../programs/queries.ts';
import { type ApplicationRow, findInstitutionsByIds, type VoucherRow } from './queries.ts';
import type { ApplicationView, VoucherView } from './schemas.ts';

/** A voucher unused within this many days of its last day is flagged (and its family reminded). */
export const EXPIRY_REMINDER_DAYS = 7;

/** Where vouchers of these programs can be used, with listed institutions' names, in two queries. */
export async function usableAtOf(db: Kysely<DB>, programs: { id: string; division_code: string; inclusive_only: boolean }[]) {
  const listed = await findProgramInstitutions(db, [...new Set(programs.map((p) => p.id))]);
  const names = new Map((await findInstitutionsByIds(db, [...new Set(listed.map((l) => l.institution_id))])).map((i) => [i.id, i.name]));
  return (p: { id: string; division_code: string; inclusive_only: boolean }): VoucherView['usableAt'] => {
    const own = listed.filter((l) => l.program_id === p.id).map((l) => ({ id: l.institution_id, name: names.get(l.institution_id) ?? '' }));
    return { kind: own.length > 0 ? 'listed' : p.inclusive_only ? 'inclusive' : 'any', divisionCode: p.division_code, institutions: own };
  };
}

export async function presentVouchers(db: Kysely<DB>, rows: VoucherRow[], now: Date): Promise<VoucherView[]> {
  const today = todayInShanghai(now);
  const ids = rows.map((r) => r.id);
  const redemptions = ids.length
    ? await db
        .selectFrom('voucher_redemptions as r')
        .innerJoin('institutions as i', 'i.id', 'r.institution_id')
        .select([
          'r.id',
          'r.voucher_id',
          'r.institution_id',
          'i.name as institution_name',
          'r.statement_id',
          'r.amount_fen',
          'r.redeemed_at',
        ])
        .where('r.voucher_id', 'in', ids)
        .where('r.reversed_at', 'is', null)
        .execute()
    : [];
  const usableAt = await usableAtOf(
    db,
    rows.map((r) => ({ id: r.program_id, division_code: r.division_code, inclusive_only: r.inclusive_only })),
  );
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
