import { randomUUID } from 'node:crypto';
import type { Insertable, Transaction } from 'kysely';
import { serviceDaysIn } from '../../../../domain/enrollment/feeStatement.ts';
import type { Prng } from '../../../../domain/random/prng.ts';
import {
  applyTransfers,
  type Balances,
  EMPTY_BALANCES,
  expire,
  issue,
  type LedgerKind,
  pay,
  redeem,
  settle,
  type Transfer,
} from '../../../../domain/subsidies/ledger.ts';
import { formatVoucherCode, voucherCodeFrom } from '../../../../domain/subsidies/voucherCode.ts';
import { inChunks } from '../../../db/inChunks.ts';
import type { DB } from '../../../db/schema.ts';
import { type AuditEntry, appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { insertDemoStatements } from '../../enrollment/index.ts';
import { appendEntries, type LedgerItem } from '../common/ledger.ts';
import { setProgramBalances } from './queries.ts';

type Row = Record<string, unknown>;
export type DemoProgram = { id: string; faceValueFen: number; budgetFen: number };
export type DemoClass = { id: string; classType: string; feeFen: number };
export type DemoVoucher = { id: string; code: string; childId: string; faceValueFen: number };

export const shanghai = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * Writes a demo program's history as the services would have: every movement goes through the
 * domain ledger (so balances never go negative), becomes a dated ledger transaction and an audit
 * entry, and the program's balance columns are set once, to what the entries add up to.
 */
type BookTable =
  | 'vouchers'
  | 'fee_statements'
  | 'fee_statement_lines'
  | 'statement_deductions'
  | 'voucher_settlements'
  | 'voucher_settlement_lines'
  | 'voucher_redemptions';

export class DemoBook {
  balances: Balances;
  readonly items: (LedgerItem & { kind: LedgerKind })[] = [];
  readonly audit: AuditEntry[] = [];
  readonly rows: { [T in BookTable]: Insertable<DB[T]>[] } = {
    vouchers: [],
    fee_statements: [],
    fee_statement_lines: [],
    statement_deductions: [],
    voucher_settlements: [],
    voucher_settlement_lines: [],
    voucher_redemptions: [],
  };
  private readonly codes = new Set<string>();

  constructor(
    readonly program: DemoProgram,
    private readonly prng: Prng,
  ) {
    this.balances = { ...EMPTY_BALANCES, unissued: program.budgetFen };
  }

  private move(kind: LedgerKind, transfers: Transfer[], refs: LedgerItem['refs'], at: Date, audit: AuditEntry) {
    const applied = applyTransfers(this.balances, transfers);
    if (!applied.ok) throw new Error(`demo ledger: ${applied.account} short by ${applied.shortFen}`);
    this.balances = applied.balances;
    this.items.push({ kind, transfers, refs, at });
    this.audit.push({ ...audit, detail: { ...audit.detail, on: at.toISOString(), demo: true } });
  }

  private code(): string {
    for (;;) {
      const code = voucherCodeFrom(Uint8Array.from({ length: 11 }, () => this.prng.int(0, 255)));
      if (!this.codes.has(code)) {
        this.codes.add(code);
        return code;
      }
    }
  }

  issue(childId: string, claimedBy: string | null, at: Date, validFrom: string, expiresOn: string): DemoVoucher {
    const v = { id: randomUUID(), code: this.code(), childId, faceValueFen: this.program.faceValueFen };
    this.move('issue', issue(v.faceValueFen), { voucherId: v.id }, at, {
      action: 'voucher.issue',
      entityType: 'voucher',
      entityId: v.id,
      detail: { programId: this.program.id, childId, faceValueFen: v.faceValueFen, via: 'claim' },
    });
    this.rows.vouchers.push({
      id: v.id,
      program_id: this.program.id,
      code: v.code,
      child_id: childId,
      claimed_by: claimedBy,
      issued_via: 'claim',
      face_value_fen: v.faceValueFen,
      status: 'active',
      issued_at: at,
      valid_from: validFrom,
      expires_on: expiresOn,
    });
    return v;
  }

  /** A statement for the month at the class's fee, unless the fee module's demo wrote one already. */
  statement(childId: string, institutionId: string, cls: DemoClass, month: string, at: Date): { id: string; subtotalFen: number } {
    const id = randomUUID();
    const days = serviceDaysIn(month).length;
    this.rows.fee_statements.push({
      id,
      child_id: childId,
      institution_id: institutionId,
      month,
      class_id: cls.id,
      class_type: cls.classType,
      monthly_fee_fen: cls.feeFen,
      service_days: days,
      charged_days: days,
      absent_days: 0,
      refund_after_days: 0,
      refund_percent: 0,
      subtotal_fen: cls.feeFen,
      generated_at: at,
    });
    this.rows.fee_statement_lines.push({
      statement_id: id,
      position: 1,
      kind: 'fee',
      class_type: cls.classType,
      days,
      amount_fen: cls.feeFen,
    });
    return { id, subtotalFen: cls.feeFen };
  }

  redeem(v: DemoVoucher, s: { id: string; subtotalFen: number }, institutionId: string, at: Date, month: string, by: string | null) {
    const amountFen = Math.min(v.faceValueFen, s.subtotalFen);
    const id = randomUUID();
    const deductionId = randomUUID();
    this.move('redeem', redeem(amountFen, v.faceValueFen), { voucherId: v.id, redemptionId: id, institutionId }, at, {
      action: 'voucher.redeem',
      entityType: 'voucher',
      entityId: v.id,
      detail: { redemptionId: id, programId: this.program.id, institutionId, childId: v.childId, statementId: s.id, amountFen },
    });
    this.rows.statement_deductions.push({
      id: deductionId,
      statement_id: s.id,
      amount_fen: amountFen,
      kind: 'voucher',
      reference: formatVoucherCode(v.code),
      created_at: at,
    });
    const row = {
      id,
      voucher_id: v.id,
      program_id: this.program.id,
      institution_id: institutionId,
      statement_id: s.id,
      deduction_id: deductionId,
      child_id: v.childId,
      amount_fen: amountFen,
      released_fen: v.faceValueFen - amountFen,
      month,
      idempotency_key: `demo-${id}`,
      redeemed_at: at,
      redeemed_by: by,
      settlement_id: null as string | null,
    };
    this.rows.voucher_redemptions.push(row);
    const voucher = this.rows.vouchers.find((r) => r.id === v.id) as Row;
    voucher.status = 'spent';
    voucher.spent_at = at;
    return row;
  }

  /** One settlement per institution for the month's unsettled redemptions; paid too when `paidAt` is given. */
  settleMonth(month: string, at: Date, paidAt: Date | null, by: string | null) {
    const due = this.rows.voucher_redemptions.filter((r) => r.month === month && r.settlement_id === null);
    for (const institutionId of new Set(due.map((r) => r.institution_id as string))) {
      const own = due.filter((r) => r.institution_id === institutionId);
      const total = own.reduce((s, r) => s + (r.amount_fen as number), 0);
      const id = randomUUID();
      for (const r of own) r.settlement_id = id;
      const reference = paidAt
        ? `LYGWJ-${month.replace('-', '')}-${String(this.rows.voucher_settlements.length + 1).padStart(3, '0')}`
        : null;
      this.rows.voucher_settlements.push({
        id,
        institution_id: institutionId,
        month,
        total_fen: total,
        redemptions: own.length,
        status: paidAt ? 'paid' : 'settled',
        settled_at: at,
        settled_by: by,
        paid_at: paidAt,
        paid_by: paidAt ? by : null,
        payment_reference: reference,
      });
      this.rows.voucher_settlement_lines.push({
        settlement_id: id,
        program_id: this.program.id,
        amount_fen: total,
        redemptions: own.length,
      });
      const refs = { settlementId: id, institutionId };
      this.move('settle', settle(total), refs, at, {
        action: 'voucher_settlement.create',
        entityType: 'voucher_settlement',
        entityId: id,
        detail: { institutionId, month, totalFen: total, redemptions: own.length },
      });
      if (paidAt) {
        this.move('pay', pay(total), refs, paidAt, {
          action: 'voucher_settlement.pay',
          entityType: 'voucher_settlement',
          entityId: id,
          detail: { reference, totalFen: total },
        });
      }
    }
  }

  expireUnused(at: Date) {
    for (const v of this.rows.vouchers.filter((r) => r.status === 'active')) {
      this.move('expire', expire(v.face_value_fen as number), { voucherId: v.id as string }, at, {
        action: 'voucher.expire',
        entityType: 'voucher',
        entityId: v.id as string,
        detail: { programId: this.program.id, childId: v.child_id, faceValueFen: v.face_value_fen },
      });
      v.status = 'expired';
      v.expired_at = at;
    }
  }

  /** Writes everything, in foreign-key order; the program row was inserted funded beforehand. */
  async flush(trx: Transaction<DB>, now: Date) {
    const { rows } = this;
    await inChunks(rows.vouchers, 500, (chunk) => trx.insertInto('vouchers').values(chunk).execute());
    // Statements and their deductions are enrollment's; its demo writer puts them in.
    await insertDemoStatements(trx, {
      statements: rows.fee_statements,
      lines: rows.fee_statement_lines,
      deductions: rows.statement_deductions,
    });
    await inChunks(rows.voucher_settlements, 500, (chunk) => trx.insertInto('voucher_settlements').values(chunk).execute());
    await inChunks(rows.voucher_settlement_lines, 500, (chunk) => trx.insertInto('voucher_settlement_lines').values(chunk).execute());
    await inChunks(rows.voucher_redemptions, 500, (chunk) => trx.insertInto('voucher_redemptions').values(chunk).execute());
    // In the order they happened, one call per run of the same kind.
    const ordered = [...this.items].sort((a, b) => (a.at as Date).getTime() - (b.at as Date).getTime());
    for (let i = 0; i < ordered.length; ) {
      const kind = ordered[i]?.kind as LedgerKind;
      let j = i;
      while (j < ordered.length && ordered[j]?.kind === kind) j++;
      await appendEntries(trx, this.program.id, kind, ordered.slice(i, j), now);
      i = j;
    }
    await setProgramBalances(trx, this.program.id, this.balances);
    for (let i = 0; i < this.audit.length; i += 2_000) await appendAudit(trx, SYSTEM_CONTEXT, this.audit.slice(i, i + 2_000), now);
  }
}
