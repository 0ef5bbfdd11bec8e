import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { classRoutes } from './classes/routes.ts';
import type { InstitutionHooks } from './common/hooks.ts';
import { complianceRoutes } from './compliance/routes.ts';
import { designationRoutes } from './designations/routes.ts';
import { fileRoutes } from './files/routes.ts';
import { filingRoutes } from './filing/routes.ts';
import { invitationRoutes } from './invitations/routes.ts';
import { pruneSearchChanges } from './public/queries.ts';
import { publicRoutes } from './public/routes.ts';
import { registryRoutes } from './registry/routes.ts';
import { staffRoutes } from './staff/routes.ts';

/** The institutions module: registry, filing, classes and staff, staff invitations, files, designations, compliance, public search. */
async function institutionRoutes(app: FastifyInstance, deps: Deps, hooks: InstitutionHooks) {
  await app.register((scoped, d: Deps) => publicRoutes(scoped, d, hooks), deps);
  await app.register(registryRoutes, deps);
  await app.register(filingRoutes, deps);
  await app.register(classRoutes, deps);
  await app.register(staffRoutes, deps);
  await app.register(invitationRoutes, deps);
  await app.register(fileRoutes, deps);
  await app.register(designationRoutes, deps);
  await app.register(complianceRoutes, deps);
}

export type { InstitutionHooks } from './common/hooks.ts';
/** The demo seed calls this inside its transaction. */
export { DEMO_DRAFT_DIRECTOR, seedInstitutionDemo } from './demo/demo.ts';
export { townshipCentre } from './demo/places.ts';
export { createDemoInstitution } from './demo/queries.ts';
/**
 * Oversight's cache check: the version every commit that changes a filed version, class,
 * designation, enrolment or staff takes (a suspension, reinstatement or closure changes the filed
 * version with its operation change), so a figure computed from them is current while this reads the same.
 */
export { readSearchVersion as institutionsDataVersion } from './public/queries.ts';
/** Guidance's staff training: the roster and childcare qualifications, read-only. */
export {
  findCurrentTrainingStaff,
  findTrainingStaffMember,
  type TrainingStaffMember,
} from './staff/training.ts';
/** Supervision's draws, lists, public inspection history and statuses. */
export { findInstitutionNames, findListedInDistrict, findListedPublicly } from './supply/listed.ts';
/** Oversight's supply: filed institutions operating on a date with their places, or over a range of dates. */
export {
  findInstitutionPeriods,
  findOperatingInstitutions,
  type InstitutionPeriods,
  type OperatingInstitution,
} from './supply/queries.ts';

export function institutionsModule(hooks: InstitutionHooks): ModuleManifest {
  return {
    name: 'institutions',
    plugin: (app: FastifyInstance, deps: Deps) => institutionRoutes(app, deps, hooks),
    // Deletes the search index's old change notes.
    jobs: (deps: Deps) => [{ name: 'search change notes', everyMs: 10 * 60_000, run: () => pruneSearchChanges(deps.db) }],
  };
}
