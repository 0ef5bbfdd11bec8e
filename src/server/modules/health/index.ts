import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { developmentRoutes } from './developmentRoutes.ts';
import { growthRoutes } from './growthRoutes.ts';

/** 医育结合 — health–care integration: growth, health checks, warning signs. See README.md. */
export async function healthModule(app: FastifyInstance, deps: Deps) {
  await growthRoutes(app, deps);
  await developmentRoutes(app, deps);
}
