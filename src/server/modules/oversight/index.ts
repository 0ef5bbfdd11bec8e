import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { indicatorRoutes } from './indicators/routes.ts';
import { planningRoutes } from './planning/routes.ts';
import { settingsRoutes } from './settings/routes.ts';

/** Oversight and planning (监管与规划): indicators against the targets, accessibility. See README.md. */
async function oversightRoutes(app: FastifyInstance, deps: Deps) {
  await app.register(indicatorRoutes, deps);
  await app.register(planningRoutes, deps);
  await app.register(settingsRoutes, deps);
}

export const oversightModule: ModuleManifest = { name: 'oversight', plugin: oversightRoutes, jobs: () => [] };
