import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { applicationRoutes } from './applicationRoutes.ts';
import { expireOffers } from './applicationService.ts';
import { careRoutes } from './careRoutes.ts';
import { childRoutes } from './childRoutes.ts';
import type { EnrollmentHooks } from './hooks.ts';

/** Enrollment (入托): children, applications and places, and daily care. See README.md. */
export function enrollmentModule(hooks: EnrollmentHooks): ModuleManifest {
  return {
    name: 'enrollment',
    async plugin(app: FastifyInstance, deps: Deps) {
      await childRoutes(app, deps);
      await applicationRoutes(app, deps);
      await careRoutes(app, deps, hooks);
    },
    jobs: (deps) => [{ name: 'expired offers', everyMs: 60_000, run: () => expireOffers(deps) }],
  };
}

export { seedEnrolmentDemo } from './demo.ts';
export { adultName, childName, surnameOf } from './demoFamilies.ts';
export type { EnrollmentHooks } from './hooks.ts';
export {
  addDeduction,
  findStatementForDeduction,
  lockStatementForDeduction,
  reverseDeduction,
} from './statementDeductions.ts';
