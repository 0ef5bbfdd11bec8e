import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findChildrenOfGuardian } from '../../children/index.ts';
import { presentApplication } from './presenters.ts';
import * as q from './queries.ts';
import type { ApplicationView } from './schemas.ts';
import { waitlistFor } from './waitlist.ts';

/** The guardian's applications with status, waitlist position and offers. */
export async function listMyApplications(deps: Deps, scope: Scope) {
  if (!scope.guardianUserId) return [];
  return presentApplications(deps, await findChildrenOfGuardian(deps.db, scope.guardianUserId));
}

/** The children's applications (or only the one with `onlyId`), with waitlist positions where waitlisted. */
export async function presentApplications(deps: Deps, childIds: string[], onlyId?: string): Promise<ApplicationView[]> {
  const now = deps.clock.now();
  const apps = (await q.findApplicationsOfChildren(deps.db, childIds)).filter((a) => !onlyId || a.id === onlyId);
  const choices = await q.findChoices(
    deps.db,
    apps.map((a) => a.id),
  );
  const positions = new Map<string, number>();
  for (const institutionId of new Set(choices.filter((c) => c.status === 'waitlisted').map((c) => c.institution_id))) {
    for (const [choiceId, pos] of await waitlistFor(deps, institutionId)) positions.set(choiceId, pos);
  }
  return apps.map((a) => presentApplication(a, choices, positions, now));
}
