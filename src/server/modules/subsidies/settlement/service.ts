import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { pay, settle } from '../../../../domain/subsidies/ledger.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, type AuditEntry, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { auditChildReads } from '../../children/index.ts';
import { postToLedger } from '../common/ledger.ts';
import { settlementsWorkbook } from './excel.ts';
import { presentSettledRedemptions, presentSettlements } from './presenters.ts';
import * as q from './queries.ts';
import type { SettlementView } from './schemas.ts';

/**
 * The monthly settlement (月度结算): every live, unsettled redemption made in the month becomes
 * part of one settlement per institution, and each program's share moves from `redeemed` to
 * `payable`. From then on those redemptions cannot be reversed. The current month may be
 * settled too; redemptions made later in it go into a further settlement when it is run again.
 */
export async function runSettlement(deps: Deps, scope: Scope, month: string, context: AuditContext) {
  const now = deps.clock.now();
  if (month > todayInShanghai(now).slice(0, 7)) throw fieldError('body.month', 'settlement.monthNotStarted');
  const ids = await deps.db.transaction().execute(async (trx) => {
    const rows = await q.lockUnsettled(trx, month);
    const created: string[] = [];
    const audit: AuditEntry[] = [];
    for (const institutionId of new Set(rows.map((r) => r.institution_id))) {
      const own = rows.filter((r) => r.institution_id === institutionId);
      const totalFen = own.reduce((s, r) => s + r.amount_fen, 0);
      const settlement = await q.insertSettlement(trx, {
        institution_id: institutionId,
        month,
        total_fen: totalFen,
        redemptions: own.length,
        settled_at: now,
        settled_by: scope.actor.userId,
      });
      await q.assignToSettlement(
        trx,
        own.map((r) => r.id),
        settlement.id,
      );
      const txnIds: string[] = [];
      for (const programId of new Set(own.map((r) => r.program_id))) {
        const lines = own.filter((r) => r.program_id === programId);
        const amountFen = lines.reduce((s, r) => s + r.amount_fen, 0);
        await q.insertSettlementLine(trx, {
          settlement_id: settlement.id,
          program_id: programId,
          amount_fen: amountFen,
          redemptions: lines.length,
        });
        const txn = await postToLedger(
          trx,
          programId,
          'settle',
          [{ transfers: settle(amountFen), refs: { settlementId: settlement.id, institutionId } }],
          now,
        );
        if (!txn) throw new Error(`ledger refused settlement ${settlement.id} of program ${programId}`);
        txnIds.push(...txn);
      }
      created.push(settlement.id);
      audit.push({
        action: 'voucher_settlement.create',
        entityType: 'voucher_settlement',
        entityId: settlement.id,
        detail: { institutionId, month, totalFen, redemptions: own.length, txnIds },
      });
    }
    await appendAudit(trx, context, audit, now);
    return created;
  });
  return { month, created: await settlementViews(deps, await q.findSettlements(deps.db, scope, { ids })) };
}

/** The city marks a settlement paid with the payment reference; each program's share moves to `paid`. */
export async function paySettlement(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { reference: string; paidOn?: string },
  context: AuditContext,
) {
  const [found] = await q.findSettlements(deps.db, scope, { ids: [id] });
  if (!found) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const paidAt = input.paidOn ? new Date(`${input.paidOn}T12:00:00+08:00`) : now;
  await deps.db.transaction().execute(async (trx) => {
    const settlement = await q.lockSettlement(trx, id);
    if (!settlement) throw new AppError('NOT_FOUND');
    if (settlement.status === 'paid') throw new AppError('SETTLEMENT_ALREADY_PAID');
    const txnIds: string[] = [];
    for (const line of await q.findLines(trx, [id])) {
      const txn = await postToLedger(
        trx,
        line.program_id,
        'pay',
        [{ transfers: pay(line.amount_fen), refs: { settlementId: id, institutionId: settlement.institution_id } }],
        now,
      );
      if (!txn) throw new Error(`ledger refused payment of settlement ${id}`);
      txnIds.push(...txn);
    }
    await q.markSettlementPaid(trx, id, { paidAt, paidBy: scope.actor.userId, reference: input.reference });
    await appendAudit(
      trx,
      context,
      {
        action: 'voucher_settlement.pay',
        entityType: 'voucher_settlement',
        entityId: id,
        detail: { reference: input.reference, totalFen: settlement.total_fen, txnIds },
      },
      now,
    );
  });
  return getSettlement(deps, scope, id, context);
}

/** The settlements' views with their lines per program. */
async function settlementViews(deps: Deps, rows: q.SettlementRow[]): Promise<SettlementView[]> {
  const lines = await q.findLines(
    deps.db,
    rows.map((r) => r.id),
  );
  return presentSettlements(rows, lines);
}

export async function listSettlements(deps: Deps, scope: Scope, month: string | undefined) {
  return settlementViews(deps, await q.findSettlements(deps.db, scope, { month }));
}

/** One settlement with its redemptions; child names only for the institution's own director. */
export async function getSettlement(deps: Deps, scope: Scope, id: string, context: AuditContext) {
  const [row] = await q.findSettlements(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  const [view] = await settlementViews(deps, [row]);
  const own = scope.institutionIds.includes(row.institution_id);
  const redemptions = await q.findSettledRedemptions(deps.db, [id]);
  // The institution's own director sees the children's names: a read of each child's record.
  if (own) {
    await auditChildReads(
      deps,
      context,
      redemptions.map((r) => r.child_id),
      'voucher_settlement',
    );
  }
  return { ...(view as SettlementView), items: presentSettledRedemptions(redemptions, own) };
}

/** The month's settlements as a workbook: one row per settlement, then every redemption in them. */
export async function exportSettlements(deps: Deps, scope: Scope, month: string) {
  const rows = await q.findSettlements(deps.db, scope, { month });
  const views = await settlementViews(deps, rows);
  const redemptions = await q.findSettledRedemptions(
    deps.db,
    rows.map((r) => r.id),
  );
  const creditCodes = new Map(rows.map((r) => [r.id, r.credit_code]));
  return {
    filename: `voucher-settlements-${month}.xlsx`,
    data: await settlementsWorkbook(month, views, creditCodes, redemptions),
  };
}
