import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { pickupRoutes } from './pickup/routes.ts';
import { childRoutes } from './records/routes.ts';

/** Children (幼儿): the child's record, guardians and their consent, pick-up persons, the access log. See README.md. */
export const childrenModule: ModuleManifest = {
  name: 'children',
  async plugin(app: FastifyInstance, deps: Deps) {
    await childRoutes(app, deps);
    await pickupRoutes(app, deps);
  },
  jobs: () => [],
};

// What other modules may use of a child's record.
export { auditChildReads, childReach, isOwnChild } from './common/access.ts';
export { IsoDate } from './common/schemas.ts';
export { type DemoChildren, insertDemoChildren } from './demo/queries.ts';
export { findPickupPersons, wasAuthorisedAt } from './pickup/queries.ts';
export { PickupRelation } from './pickup/schemas.ts';
export { eraseChildren, eraseGuardian, findChildrenGuardedOnlyBy } from './privacy/erase.ts';
export { type ExportSection, exportForGuardian } from './privacy/export.ts';
export {
  findChildrenOfGuardian,
  findChildSummaries,
  findGuardedChildrenBornSince,
  findGuardians,
  isGuardianOf,
} from './records/queries.ts';
export { CONSENT_VERSION } from './records/service.ts';
