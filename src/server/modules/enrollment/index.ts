import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { expireOffers } from './admissions/expireOffers.ts';
import { remindLapsingOffers } from './admissions/remindOffers.ts';
import { admissionRoutes } from './admissions/routes.ts';
import { attendanceRoutes } from './attendance/routes.ts';
import type { EnrollmentHooks } from './common/hooks.ts';
import { incidentRoutes } from './incidents/routes.ts';
import { placementRoutes } from './placement/routes.ts';
import { statementRoutes } from './statements/routes.ts';

/** Enrollment (入托): applications and places, daily care (attendance, morning checks, incidents) and fee statements. See README.md. */
export function enrollmentModule(hooks: EnrollmentHooks): ModuleManifest {
  return {
    name: 'enrollment',
    async plugin(app: FastifyInstance, deps: Deps) {
      await admissionRoutes(app, deps);
      await attendanceRoutes(app, deps, hooks);
      await incidentRoutes(app, deps);
      await placementRoutes(app, deps);
      await statementRoutes(app, deps);
    },
    jobs: (deps) => [
      { name: 'expired offers', everyMs: 60_000, run: () => expireOffers(deps) },
      { name: 'lapsing offer reminders', everyMs: 15 * 60_000, run: () => remindLapsingOffers(deps) },
    ],
  };
}

// Children holding a place on a date per institution, or their places over a range of dates, for oversight's indicators.
export { countEnrolledOn, findPlaceInstitution, findPlacePeriods } from './admissions/queries.ts';
// Morning checks for health's illness alerts (the check is written here; health reacts through a hook).
export { type CheckWithNameRow, findChecksWithNames, findPossibleCases } from './attendance/queries.ts';
export type { EnrollmentHooks } from './common/hooks.ts';
export { adultName, childName, surnameOf } from './demo/families.ts';
export { insertDemoEnrollments, insertDemoStatements } from './demo/queries.ts';
export { seedEnrollmentDemo } from './demo/seed.ts';
// Incidents of the last 12 months weight supervision's inspection draws.
export { countIncidentsSince } from './incidents/queries.ts';
export { eraseChildren } from './privacy/erase.ts';
export { exportForGuardian } from './privacy/export.ts';
// What subsidies may do to a fee statement: a voucher redemption is a deduction (README, invariant 5).
export {
  addDeduction,
  lockStatementForDeduction,
  reverseDeduction,
} from './statements/queries.ts';
