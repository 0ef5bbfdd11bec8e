import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { presentRedemption } from './presenters.ts';
import * as r from './queries.ts';

/** The institution's redemptions of a month (by redemption month), for its director. */
export async function listInstitutionRedemptions(deps: Deps, scope: Scope, institutionId: string, month: string) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const currentMonth = todayInShanghai(deps.clock.now()).slice(0, 7);
  return (await r.findRedemptions(deps.db, { institutionId, month })).map((row) => presentRedemption(row, currentMonth));
}

export async function getRedemption(deps: Deps, scope: Scope, id: string) {
  const [row] = await r.findRedemptions(deps.db, { ids: [id] });
  if (!row || !scope.institutionIds.includes(row.institution_id)) throw new AppError('NOT_FOUND');
  return presentRedemption(row, todayInShanghai(deps.clock.now()).slice(0, 7));
}
