import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { alertRoutes } from './alerts/routes.ts';
import { sweepIllnessAlerts } from './alerts/service.ts';
import { remindDueHealthChecks } from './checks/reminders.ts';
import { developmentRoutes } from './development/routes.ts';
import { growthRoutes } from './growth/routes.ts';
import { measurementRoutes } from './measurements/routes.ts';

/** 医育结合 — health–care integration: growth, health checks, warning signs, illness alerts. See README.md. */
async function healthRoutes(app: FastifyInstance, deps: Deps) {
  await growthRoutes(app, deps);
  await developmentRoutes(app, deps);
  await measurementRoutes(app, deps);
  await alertRoutes(app, deps);
}

/** For the morning-check write (wired in src/server/modules.ts): raise or update the class's alerts of that day. */
export { raiseIllnessAlerts } from './alerts/service.ts';
/** For the morning check (wired in src/server/modules.ts): the fever line that sends a child home. */
export { findIllnessAlertSettings } from './alerts/settings.ts';

// Often enough that a cluster missed by the write-time trigger reaches the director within the
// morning; the sweep reads only the last week's possible cases (a partial index), so it is cheap.
const SWEEP_EVERY_MS = 10 * 60_000;
// Reminders are a week ahead and once per check, so a few runs a day is enough.
const CHECK_REMINDERS_EVERY_MS = 6 * 60 * 60_000;

export const healthModule: ModuleManifest = {
  name: 'health',
  plugin: healthRoutes,
  jobs: (deps: Deps) => [
    { name: 'illness alerts', everyMs: SWEEP_EVERY_MS, run: () => sweepIllnessAlerts(deps) },
    { name: 'health check reminders', everyMs: CHECK_REMINDERS_EVERY_MS, run: () => remindDueHealthChecks(deps) },
  ],
};
export { eraseChildren } from './privacy/erase.ts';
export { exportForGuardian } from './privacy/export.ts';
