import { addDaysIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { expire } from '../../../../domain/subsidies/ledger.ts';
import type { Deps } from '../../../deps.ts';
import { type AuditContext, appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { postToLedger } from '../common/ledger.ts';
import { tellVouchersExpiring } from './notifications.ts';
import { EXPIRY_REMINDER_DAYS } from './presenters.ts';
import { lockDueVouchers, markExpired, markReminded } from './queries.ts';

const BATCH = 500;

/**
 * Expires unused vouchers past their last day (Asia/Shanghai): each leaves `outstanding` for
 * `expired`. Batches lock their vouchers with SKIP LOCKED, so several server processes (or a
 * redemption holding a voucher) never wait on each other; a skipped voucher is taken next run.
 */
export async function expireVouchers(deps: Deps, options: { programId?: string; context?: AuditContext } = {}) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  let total = 0;
  for (;;) {
    const n = await deps.db.transaction().execute(async (trx) => {
      const ids = await lockDueVouchers(trx, today, BATCH, options.programId);
      if (ids.length === 0) return 0;
      const expired = await markExpired(trx, ids, now);
      const audit = [];
      for (const programId of new Set(expired.map((v) => v.program_id))) {
        const own = expired.filter((v) => v.program_id === programId);
        const txnIds = await postToLedger(
          trx,
          programId,
          'expire',
          own.map((v) => ({ transfers: expire(v.face_value_fen), refs: { voucherId: v.id } })),
          now,
        );
        if (!txnIds) throw new Error(`ledger refused the expiry of vouchers in program ${programId}`);
        audit.push(
          ...own.map((v, i) => ({
            action: 'voucher.expire',
            entityType: 'voucher',
            entityId: v.id,
            detail: { programId, childId: v.child_id, faceValueFen: v.face_value_fen, txnId: txnIds[i] },
          })),
        );
      }
      await appendAudit(trx, options.context ?? SYSTEM_CONTEXT, audit, now);
      return expired.length;
    });
    total += n;
    if (n < BATCH) return total;
  }
}

/**
 * Marks unused vouchers within `EXPIRY_REMINDER_DAYS` of their last day as reminded, once, and
 * tells their families in the same transaction (the family's voucher list also flags them
 * `expiresSoon`). A voucher past its last day is never reminded. Returns how many were.
 */
export async function remindExpiringVouchers(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const horizon = addDaysIso(today, EXPIRY_REMINDER_DAYS);
  return deps.db.transaction().execute(async (trx) => {
    const due = await markReminded(trx, today, horizon, now);
    if (due.length === 0) return 0;
    await tellVouchersExpiring(
      trx,
      due.map((d) => ({ voucherId: d.id, childId: d.child_id, faceValueFen: d.face_value_fen, expiresOn: d.expires_on })),
      now,
    );
    await appendAudit(
      trx,
      SYSTEM_CONTEXT,
      due.map((d) => ({ action: 'voucher.remind_expiry', entityType: 'voucher', entityId: d.id, detail: { expiresOn: d.expires_on } })),
      now,
    );
    return due.length;
  });
}
