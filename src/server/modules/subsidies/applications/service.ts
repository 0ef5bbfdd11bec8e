import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleInstitutionIds } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { presentApplications } from './presenters.ts';
import * as q from './queries.ts';
import type { SubsidyApplicationView } from './schemas.ts';

/** The applications' views, with their history and documents read in two queries. */
async function applicationViews(deps: Deps, scope: Scope, rows: q.ApplicationRow[]): Promise<SubsidyApplicationView[]> {
  const ids = rows.map((r) => r.id);
  const [events, files] = await Promise.all([q.findEvents(deps.db, ids), q.findFiles(deps.db, ids)]);
  return presentApplications(scope, rows, events, files);
}

export async function getApplication(deps: Deps, scope: Scope, id: string) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  return (await applicationViews(deps, scope, [row]))[0] as SubsidyApplicationView;
}

export async function listApplications(deps: Deps, scope: Scope, f: { institutionId?: string; status?: string; kind?: string }) {
  if (f.institutionId && !(await findVisibleInstitutionIds(deps.db, scope, [f.institutionId])).has(f.institutionId)) {
    throw new AppError('NOT_FOUND');
  }
  return applicationViews(deps, scope, await q.findApplications(deps.db, scope, f));
}
