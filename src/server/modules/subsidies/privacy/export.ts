import type { Db } from '../../../db/executor.ts';
import type { ExportSection } from '../../children/index.ts';

/** A family's vouchers, their use, applications for vouchers and the national subsidy, and tax shares. */
export async function exportForGuardian(db: Db, userId: string, childIds: string[]): Promise<ExportSection[]> {
  if (childIds.length === 0) return [];
  const [vouchers, redemptions, voucherApplications, claims, taxShares] = await Promise.all([
    db
      .selectFrom('vouchers')
      .select(['id', 'child_id', 'program_id', 'code', 'face_value_fen', 'status', 'issued_at', 'valid_from', 'expires_on', 'spent_at'])
      .where('child_id', 'in', childIds)
      .orderBy('issued_at')
      .execute(),
    db
      .selectFrom('voucher_redemptions')
      .select(['voucher_id', 'child_id', 'institution_id', 'month', 'amount_fen', 'redeemed_at', 'reversed_at'])
      .where('child_id', 'in', childIds)
      .orderBy('redeemed_at')
      .execute(),
    db
      .selectFrom('voucher_applications')
      .select(['child_id', 'program_id', 'applied_at', 'status', 'decided_at'])
      .where('child_id', 'in', childIds)
      .orderBy('applied_at')
      .execute(),
    db
      .selectFrom('childcare_subsidy_claims')
      .select(['child_id', 'applied_at', 'status', 'decided_at', 'reason'])
      .where('child_id', 'in', childIds)
      .orderBy('applied_at')
      .execute(),
    db
      .selectFrom('tax_deduction_shares')
      .select(['child_id', 'year', 'share_percent', 'chosen_at'])
      .where('user_id', '=', userId)
      .orderBy('year')
      .execute(),
  ]);
  return [
    { kind: 'vouchers', rows: vouchers },
    { kind: 'voucher_redemptions', rows: redemptions },
    { kind: 'voucher_applications', rows: voucherApplications },
    { kind: 'childcare_subsidy_claims', rows: claims },
    { kind: 'tax_deduction_shares', rows: taxShares },
  ];
}
