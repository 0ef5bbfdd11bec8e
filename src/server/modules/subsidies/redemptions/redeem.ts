import { randomUUID } from 'node:crypto';
import { compareIso, monthRange, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { redeem } from '../../../../domain/subsidies/ledger.ts';
import { formatVoucherCode, normalizeVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { addDeduction, lockStatementForDeduction } from '../../enrollment/index.ts';
import { appendEntries, moveProgramBalances } from '../common/ledger.ts';
import { acceptingInstitutions } from '../programs/acceptance.ts';
import { findProgram } from '../programs/queries.ts';
import { lockVoucher, markSpent } from '../vouchers/queries.ts';
import { presentRedemption } from './presenters.ts';
import * as r from './queries.ts';
import type { RedeemBody, RedemptionView } from './schemas.ts';

const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === '23505';

/**
 * A director redeems (核销) a voucher against a monthly fee statement of a child enrolled with
 * their institution: a statement deduction, a redemption and its ledger transaction, all in one
 * database transaction that holds the voucher's row lock, then the statement's.
 *
 * - Idempotent: the key is unique per institution. A retry finds the first redemption (before
 *   the locks, and again under the voucher lock for a retry that raced the first attempt; the
 *   unique index settles any race left) and gets it back; a key reused for another request is 409.
 * - Never twice: of concurrent redemptions of one voucher the first to lock it wins; the rest
 *   then see it spent. A partial unique index allows one live redemption per voucher regardless.
 */
export async function redeemVoucher(deps: Deps, scope: Scope, input: RedeemBody, context: AuditContext): Promise<RedemptionView> {
  const code = normalizeVoucherCode(input.code);
  if (!code) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const currentMonth = todayInShanghai(now).slice(0, 7);
  const replay = async (institutionId: string) => {
    const [prior] = await r.findRedemptions(deps.db, { key: { institutionId, idempotencyKey: input.idempotencyKey } });
    if (!prior) return undefined;
    if (prior.code !== code || prior.statement_id !== input.statementId || prior.amount_fen !== input.amountFen) {
      throw new AppError('IDEMPOTENCY_KEY_REUSED');
    }
    return presentRedemption(prior, currentMonth);
  };
  // The statement names the institution, and so where the key is looked up; a retry finds its
  // first redemption under the voucher's and the statement's locks, never before them, so a retry
  // racing its first attempt waits for it and gets it back (one read fewer on every redemption).
  let institutionId: string | undefined;
  let redemptionId: string | undefined;
  try {
    redemptionId = await deps.db.transaction().execute(async (trx) => {
      const voucher = await lockVoucher(trx, { code });
      const locked = await lockStatementForDeduction(trx, input.statementId);
      if (!locked || !scope.institutionIds.includes(locked.institution_id)) throw new AppError('NOT_FOUND');
      institutionId = locked.institution_id;
      if (await r.findRedemptionIdByKey(trx, institutionId, input.idempotencyKey)) return undefined;
      if (!voucher) throw new AppError('NOT_FOUND');
      const today = todayInShanghai(now);
      if (voucher.status === 'spent') throw new AppError('VOUCHER_SPENT');
      if (voucher.status === 'expired' || compareIso(today, voucher.expires_on) > 0) throw new AppError('VOUCHER_EXPIRED');
      if (compareIso(today, voucher.valid_from) < 0) throw new AppError('VOUCHER_NOT_YET_VALID', { validFrom: voucher.valid_from });
      const { first: monthFirst, last: monthLast } = monthRange(locked.month);
      // The institution redeems only for children it holds (or held that month) a place for.
      if (!(await r.wasEnrolledBetween(trx, voucher.child_id, institutionId, monthFirst, monthLast))) throw new AppError('NOT_FOUND');
      if (voucher.child_id !== locked.child_id) throw fieldError('body.code', 'voucher.otherChild');
      const program = await findProgram(trx, voucher.program_id);
      if (!program) throw new AppError('NOT_FOUND');
      if (!(await acceptingInstitutions(trx, program, [institutionId], today)).has(institutionId))
        throw new AppError('VOUCHER_NOT_ACCEPTED_HERE');
      if (input.amountFen > voucher.face_value_fen) throw fieldError('body.amountFen', 'voucher.amountOverFace');
      const due = Math.max(0, locked.subtotal_fen - locked.deductedFen);
      if (input.amountFen > due) throw fieldError('body.amountFen', 'voucher.amountOverDue');

      const id = randomUUID();
      const deductionId = await addDeduction(
        trx,
        { statementId: locked.id, amountFen: input.amountFen, kind: 'voucher', reference: formatVoucherCode(code) },
        now,
      );
      const releasedFen = voucher.face_value_fen - input.amountFen;
      await r.insertRedemption(trx, {
        id,
        voucher_id: voucher.id,
        program_id: program.id,
        institution_id: institutionId,
        statement_id: locked.id,
        deduction_id: deductionId,
        child_id: voucher.child_id,
        amount_fen: input.amountFen,
        released_fen: releasedFen,
        month: currentMonth,
        idempotency_key: input.idempotencyKey,
        redeemed_at: now,
        redeemed_by: scope.actor.userId,
      });
      await markSpent(trx, voucher.id, now);
      // The program row's lock is the one every redemption of the program shares: it is taken by
      // the last statement, so it is held only through the commit.
      const items = [
        { transfers: redeem(input.amountFen, voucher.face_value_fen), refs: { voucherId: voucher.id, redemptionId: id, institutionId } },
      ];
      const [txnId] = await appendEntries(trx, program.id, 'redeem', items, now);
      await appendAudit(
        trx,
        context,
        {
          action: 'voucher.redeem',
          entityType: 'voucher',
          entityId: voucher.id,
          detail: {
            redemptionId: id,
            programId: program.id,
            institutionId,
            childId: voucher.child_id,
            statementId: locked.id,
            amountFen: input.amountFen,
            releasedFen,
            txnId,
          },
        },
        now,
      );
      // Short: the transaction rolls back, entries and audit row with it.
      if (!(await moveProgramBalances(trx, program.id, items))) throw new AppError('BUDGET_EXHAUSTED');
      return id;
    });
  } catch (err) {
    if (!isUniqueViolation(err) || !institutionId) throw err;
    const again = await replay(institutionId);
    if (again) return again;
    // The live-redemption index refused a second redemption of the voucher.
    throw new AppError('VOUCHER_SPENT');
  }
  if (!redemptionId) {
    const again = institutionId && (await replay(institutionId));
    if (again) return again;
    throw new AppError('INTERNAL');
  }
  const [row] = await r.findRedemptions(deps.db, { ids: [redemptionId] });
  return presentRedemption(row as r.RedemptionRow, currentMonth);
}
