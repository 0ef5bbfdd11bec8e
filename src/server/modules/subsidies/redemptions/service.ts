import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import type { AuditContext } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { auditChildReads } from '../../children/index.ts';
import { presentRedemption } from './presenters.ts';
import * as r from './queries.ts';

/** A redemption names its child: showing it to staff is a read of the child's record (audited). */
async function showRedemptions(deps: Deps, context: AuditContext, rows: r.RedemptionRow[]) {
  await auditChildReads(
    deps,
    context,
    rows.map((row) => row.child_id),
    'voucher_redemption',
  );
  const currentMonth = todayInShanghai(deps.clock.now()).slice(0, 7);
  return rows.map((row) => presentRedemption(row, currentMonth));
}

/** The institution's redemptions of a month (by redemption month), for its director. */
export async function listInstitutionRedemptions(deps: Deps, scope: Scope, institutionId: string, month: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  return showRedemptions(deps, context, await r.findRedemptions(deps.db, { institutionId, month }));
}

export async function getRedemption(deps: Deps, scope: Scope, id: string, context: AuditContext) {
  const [row] = await r.findRedemptions(deps.db, { ids: [id] });
  if (!row || !scope.institutionIds.includes(row.institution_id)) throw new AppError('NOT_FOUND');
  const [view] = await showRedemptions(deps, context, [row]);
  return view as NonNullable<typeof view>;
}
