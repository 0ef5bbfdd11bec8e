import { compareIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { ineligibility } from '../../../../domain/subsidies/eligibility.ts';
import { formatVoucherCode, normalizeVoucherCode } from '../../../../domain/subsidies/voucherCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import type { AuditContext } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { auditChildReads } from '../../children/index.ts';
import { childVisible } from '../common/access.ts';
import { findGuardianChildren } from '../common/queries.ts';
import { iso } from '../common/schemas.ts';
import { acceptingInstitutions, rulesOf } from '../programs/acceptance.ts';
import { findInstitutionsByIds, findProgramInstitutions, findPrograms } from '../programs/queries.ts';
import { presentApplications, presentVouchers, type UsableAt, usableAtFrom } from './presenters.ts';
import * as q from './queries.ts';

/** Where vouchers of these programs can be used, with listed institutions' names, in two queries. */
export async function loadUsableAt(db: Db, programs: { id: string }[]): Promise<UsableAt> {
  const listed = await findProgramInstitutions(db, [...new Set(programs.map((p) => p.id))]);
  const names = new Map((await findInstitutionsByIds(db, [...new Set(listed.map((l) => l.institution_id))])).map((i) => [i.id, i.name]));
  return usableAtFrom(listed, names);
}

/** The vouchers' views: their live redemptions and where they can be used, read in three queries. */
export async function voucherViews(db: Db, rows: q.VoucherRow[], now: Date) {
  const redemptions = await q.findLiveRedemptionsOf(
    db,
    rows.map((r) => r.id),
  );
  const usableAt = await loadUsableAt(
    db,
    rows.map((r) => ({ id: r.program_id })),
  );
  return presentVouchers(rows, redemptions, usableAt, now);
}

/** A guardian's vouchers: those of their own children only. */
export async function listOwnVouchers(deps: Deps, scope: Scope) {
  const children = await findGuardianChildren(deps.db, scope.guardianUserId as string);
  return voucherViews(deps.db, await q.findVouchers(deps.db, { childIds: children.map((c) => c.id) }), deps.clock.now());
}

export async function getOwnVoucher(deps: Deps, scope: Scope, id: string) {
  const [row] = await q.findVouchers(deps.db, { ids: [id] });
  if (!row || !(await childVisible(deps.db, scope, row.child_id))) throw new AppError('NOT_FOUND');
  const [view] = await voucherViews(deps.db, [row], deps.clock.now());
  return view;
}

export async function listOwnApplications(deps: Deps, scope: Scope) {
  const children = await findGuardianChildren(deps.db, scope.guardianUserId as string);
  return presentApplications(await q.findApplications(deps.db, { childIds: children.map((c) => c.id) }));
}

/** Programs open today, each with whether each of the guardian's children may claim or apply. */
export async function availablePrograms(deps: Deps, scope: Scope) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const children = await findGuardianChildren(deps.db, scope.guardianUserId as string);
  const programs = (await findPrograms(deps.db, { notDraft: true })).filter(
    (p) => p.status === 'open' && compareIso(today, p.valid_from) >= 0 && compareIso(today, p.valid_to) <= 0,
  );
  const usableAt = await loadUsableAt(deps.db, programs);
  const items = [];
  for (const p of programs) {
    const lotteryClosed =
      p.issuance === 'lottery' && (p.lottery_drawn_at !== null || (p.lottery_at !== null && now >= new Date(p.lottery_at)));
    const takes = p.issuance !== 'automatic' && !lotteryClosed;
    const rows = [];
    for (const c of children) {
      const held = await q.countHeld(deps.db, p.id, c.id);
      const reasons = ineligibility(
        rulesOf(p),
        { birthDate: c.birth_date, residenceDivisionCode: c.residence_division_code, vouchersHeld: held },
        today,
      );
      rows.push({ childId: c.id, childName: c.name, eligible: reasons.length === 0, reasons, canClaim: reasons.length === 0 && takes });
    }
    items.push({
      id: p.id,
      name: p.name,
      description: p.description,
      faceValueFen: p.face_value_fen,
      validFrom: p.valid_from,
      validTo: p.valid_to,
      issuance: p.issuance as 'claim',
      lotteryAt: iso(p.lottery_at),
      budgetLeft: p.unissued_fen >= p.face_value_fen,
      usableAt: usableAt(p),
      children: rows,
    });
  }
  return items;
}

/**
 * What a director sees after scanning a code, before redeeming: only vouchers of children who
 * hold a place at their institution; any other code is not found.
 */
export async function lookupVoucher(deps: Deps, scope: Scope, input: string, context: AuditContext) {
  const code = normalizeVoucherCode(input);
  if (!code) throw new AppError('NOT_FOUND');
  const [row] = await q.findVouchers(deps.db, { code });
  if (!row) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  // Staff see the children holding a place at their institution (platform visibility); the child
  // holds one place at a time, so that place is here.
  const placed = (await childVisible(deps.db, scope, row.child_id)) ? await q.findCurrentPlace(deps.db, row.child_id) : undefined;
  if (!placed) throw new AppError('NOT_FOUND');
  const accepted = (
    await acceptingInstitutions(
      deps.db,
      { id: row.program_id, division_code: row.division_code, inclusive_only: row.inclusive_only },
      [placed.institution_id],
      today,
    )
  ).has(placed.institution_id);
  const [view] = await voucherViews(deps.db, [row], now);
  const status = view?.status ?? 'expired';
  // The answer names the child: a read of the child's record.
  await auditChildReads(deps, context, [row.child_id], 'voucher_lookup');
  return {
    id: row.id,
    code: row.code,
    codeDisplay: formatVoucherCode(row.code),
    programId: row.program_id,
    programName: row.program_name,
    child: { id: row.child_id, name: row.child_name },
    faceValueFen: row.face_value_fen,
    status,
    validFrom: row.valid_from,
    expiresOn: row.expires_on,
    acceptedHere: accepted,
    usable: accepted && status === 'active' && compareIso(today, row.valid_from) >= 0,
  };
}
