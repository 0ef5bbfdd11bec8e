import type { Deps } from './deps.ts';
import { childrenModule } from './modules/children/index.ts';
import { countIncidentsSince, enrollmentModule } from './modules/enrollment/index.ts';
import { geographyModule } from './modules/geography/index.ts';
import { guidanceModule } from './modules/guidance/index.ts';
import { findIllnessAlertSettings, healthModule, raiseIllnessAlerts } from './modules/health/index.ts';
import { institutionsModule } from './modules/institutions/index.ts';
import { oversightModule } from './modules/oversight/index.ts';
import { subsidiesModule } from './modules/subsidies/index.ts';
import { findWithOpenRectifications, publicSupervisionRecord, supervisionModule } from './modules/supervision/index.ts';
import { auditJobs } from './platform/audit/jobs.ts';
import { authJobs } from './platform/auth/jobs.ts';
import type { Job } from './platform/jobs/scheduler.ts';
import { messagingJobs } from './platform/messaging/jobs.ts';
import type { ModuleManifest } from './platform/modules/manifest.ts';

/**
 * The one list of modules, in registration order. A module that must react to another's event
 * gets a hook here, so the module that raises the event does not import the one that reacts.
 */
export const MODULES: ModuleManifest[] = [
  geographyModule,
  // The public search's "no open rectification" asks supervision which institutions still have one.
  institutionsModule({ withOpenRectifications: findWithOpenRectifications, supervisionRecord: publicSupervisionRecord }),
  healthModule,
  childrenModule,
  enrollmentModule({
    // A cluster of fever or symptoms in one class raises an illness alert as soon as the check that completes it is written.
    morningCheckRecorded: (deps, { classId, day, context }) => raiseIllnessAlerts(deps, classId, day, context),
    feverFromC: async (deps) => (await findIllnessAlertSettings(deps.db)).feverFromC,
  }),
  subsidiesModule,
  oversightModule,
  // A round weighted for risk counts each institution's incidents (and its complaints) of the last 12 months.
  supervisionModule({ riskEventCounters: [countIncidentsSince] }),
  guidanceModule,
];

/** Every scheduled job of the server: the platform's and each module's. main.ts starts exactly these. */
export function serverJobs(deps: Deps): Job[] {
  return [...auditJobs(deps), ...authJobs(deps), ...messagingJobs(deps), ...MODULES.flatMap((module) => module.jobs(deps))];
}
