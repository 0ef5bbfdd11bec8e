import { type IsoDate, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isCurrent } from '../../../../domain/institutions/designations.ts';
import type { InstitutionStatus } from '../../../../domain/institutions/filingWorkflow.ts';
import { DesignationKind, type DesignationLevel } from '../../../../domain/institutions/vocabulary.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { complianceOf, designationTerm, locationOf } from '../common/presenters.ts';
import { type InstitutionState, loadStates, planClasses } from '../common/state.ts';
import { findComplianceSettings } from '../compliance/settings.ts';
import { pendingKeyFacts } from './presenters.ts';
import { findInstitutionIds, findInstitutionPage, type ListFilter, type Paging } from './queries.ts';

type Entry = { state: InstitutionState; problems: number };

/**
 * The registry list in scope. Compliance problems are computed from the rules, not stored, so
 * with `hasProblems` every entry the other filters match is checked before paging; a city holds
 * a few thousand entries at most.
 */
export async function listInstitutions(deps: Deps, scope: Scope, filter: ListFilter & Paging & { hasProblems?: boolean }) {
  const today = todayInShanghai(deps.clock.now());
  if (!filter.hasProblems) {
    const page = await findInstitutionPage(deps.db, scope, filter, today);
    return { total: page.total, items: (await entries(deps, page.ids, today)).map((e) => listItem(e, today)) };
  }
  const flagged = (await entries(deps, await findInstitutionIds(deps.db, scope, filter, today), today)).filter((e) => e.problems > 0);
  const start = (filter.page - 1) * filter.pageSize;
  return { total: flagged.length, items: flagged.slice(start, start + filter.pageSize).map((e) => listItem(e, today)) };
}

/** The states of the given entries, in the given order, with their problems counted. */
async function entries(deps: Deps, ids: string[], today: IsoDate): Promise<Entry[]> {
  const [states, settings] = await Promise.all([loadStates(deps.db, ids, today), findComplianceSettings(deps.db)]);
  return ids.flatMap((id) => {
    const state = states.get(id);
    return state ? [{ state, problems: complianceOf(state, today, settings).length }] : [];
  });
}

function listItem({ state, problems }: Entry, today: IsoDate) {
  const i = state.institution;
  return {
    id: i.id,
    name: i.name,
    status: i.status as InstitutionStatus,
    divisionCode: i.division_code,
    hasFiledVersion: state.filed !== null,
    filingNumber: state.filed?.filing_number ?? null,
    changedKeyFacts: pendingKeyFacts(state),
    complianceProblems: problems,
    places: planClasses(state).reduce((sum, c) => sum + c.capacity, 0),
    location: locationOf(i),
    designations: designationsInForce(state, today),
    updatedAt: new Date(i.updated_at).toISOString(),
  };
}

/** Kinds and levels in force, inclusive first; two overlapping grants of the same read as one. */
function designationsInForce(state: InstitutionState, today: IsoDate) {
  const seen = new Map<string, { kind: DesignationKind; level: DesignationLevel | null }>();
  for (const d of state.designations) {
    const term = designationTerm(d);
    if (isCurrent(term, today)) seen.set(`${term.kind}:${term.level}`, { kind: term.kind, level: term.level });
  }
  return [...seen.values()].sort((a, b) => DesignationKind.indexOf(a.kind) - DesignationKind.indexOf(b.kind));
}
