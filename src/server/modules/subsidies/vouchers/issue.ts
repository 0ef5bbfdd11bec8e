import { randomBytes, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { issue } from '../../../../domain/subsidies/ledger.ts';
import { type IssuanceMode, voucherExpiresOn } from '../../../../domain/subsidies/programs.ts';
import { voucherCodeFrom } from '../../../../domain/subsidies/voucherCode.ts';
import type { DB } from '../../../db/schema.ts';
import type { AuditEntry } from '../../../platform/audit/auditLog.ts';
import { postToLedger } from '../common/ledger.ts';
import type { ProgramRow } from '../programs/queries.ts';
import { tellVouchersGranted } from './notifications.ts';
import { insertVouchers } from './queries.ts';

export type Recipient = { childId: string; claimedBy: string | null };
export type Issued = { voucherId: string; childId: string; txnId: string };

/**
 * Issues one voucher to each recipient, in order, while the budget lasts. The caller holds the
 * program's row lock (`lockProgram`), so `program.unissued_fen` is current; the ledger's
 * conditional update checks it again. Returns the vouchers issued and their audit entries.
 */
export async function issueVouchers(
  trx: Transaction<DB>,
  program: ProgramRow,
  recipients: Recipient[],
  via: IssuanceMode,
  now: Date,
): Promise<{ issued: Issued[]; audit: AuditEntry[] }> {
  const fits = Math.min(recipients.length, Math.floor(program.unissued_fen / program.face_value_fen));
  const chosen = recipients.slice(0, fits).map((r) => ({ ...r, voucherId: randomUUID() }));
  if (chosen.length === 0) return { issued: [], audit: [] };
  const txnIds = await postToLedger(
    trx,
    program.id,
    'issue',
    chosen.map((c) => ({ transfers: issue(program.face_value_fen), refs: { voucherId: c.voucherId } })),
    now,
  );
  if (!txnIds) return { issued: [], audit: [] };
  const today = todayInShanghai(now);
  const expiresOn = voucherExpiresOn(program.valid_to, today, program.voucher_valid_days);
  let pending = chosen;
  // 55 random bits per code: a clash is rare, and a clashing row is simply given a new code.
  while (pending.length > 0) {
    const inserted = await insertVouchers(
      trx,
      pending.map((c) => ({
        id: c.voucherId,
        program_id: program.id,
        code: voucherCodeFrom(randomBytes(11)),
        child_id: c.childId,
        claimed_by: c.claimedBy,
        issued_via: via,
        face_value_fen: program.face_value_fen,
        issued_at: now,
        valid_from: program.valid_from,
        expires_on: expiresOn,
      })),
    );
    const done = new Set(inserted.map((r) => r.id));
    pending = pending.filter((c) => !done.has(c.voucherId));
  }
  const issued = chosen.map((c, i) => ({ voucherId: c.voucherId, childId: c.childId, txnId: txnIds[i] as string }));
  // A family that claimed its voucher is on the page that shows it; a lottery win or a grant is news.
  if (via !== 'claim') {
    await tellVouchersGranted(
      trx,
      program,
      issued.map((v) => ({ ...v, faceValueFen: program.face_value_fen, expiresOn })),
      now,
    );
  }
  const audit = issued.map((v) => ({
    action: 'voucher.issue',
    entityType: 'voucher',
    entityId: v.voucherId,
    detail: { programId: program.id, childId: v.childId, faceValueFen: program.face_value_fen, via, txnId: v.txnId },
  }));
  return { issued, audit };
}
