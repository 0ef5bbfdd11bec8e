import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { complaintRoutes } from './complaints/routes.ts';
import { complaintCountsForRisk } from './complaints/service.ts';
import { flagOverdueRectifications } from './inspections/rectifications.ts';
import { resultRoutes } from './inspections/resultRoutes.ts';
import type { RiskEventCounter } from './inspections/rounds.ts';
import { roundRoutes } from './inspections/routes.ts';

export type SupervisionHooks = {
  /** Risk events per institution that other modules hold (incidents), weighting a draw when asked. */
  riskEventCounters: readonly RiskEventCounter[];
};

/**
 * Supervision (监督执法): "double random" inspections with rectification, and complaints routed
 * to the district. See README.md.
 */
export function supervisionModule(hooks: SupervisionHooks): ModuleManifest {
  // Complaints are this module's own: they weight a risk-weighted draw beside the others' events.
  const counters = [...hooks.riskEventCounters, complaintCountsForRisk];
  return {
    name: 'supervision',
    async plugin(app: FastifyInstance, deps: Deps) {
      await roundRoutes(app, deps, counters);
      await resultRoutes(app, deps);
      await app.register(complaintRoutes, deps);
    },
    jobs: (deps) => [{ name: 'overdue rectifications', everyMs: 60 * 60_000, run: () => flagOverdueRectifications(deps) }],
  };
}

/** The demo seed calls these inside its transaction, after the institutions' demo. */
export { seedComplaintDemo } from './complaints/demo.ts';
/** The public page's upheld complaints. */
export { upheldComplaintCounts } from './complaints/service.ts';
export { seedSupervisionDemo } from './demo/seed.ts';
export { publicInspectionHistory } from './inspections/publicHistory.ts';
export { findWithOpenRectifications } from './inspections/queries.ts';
// The oversight dashboard's count of overdue rectifications; the public page's inspection history;
// the institutions that still have a rectification open, for the public search's filter, and the
// latest inspection, for the public profile.
export { countOverdueRectifications } from './inspections/rectifications.ts';
export { publicSupervisionRecord } from './publicRecord.ts';
