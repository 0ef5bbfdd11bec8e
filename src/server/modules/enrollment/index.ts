import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import { applicationRoutes } from './applicationRoutes.ts';
import { careRoutes } from './careRoutes.ts';
import { childRoutes } from './childRoutes.ts';

/** Enrolment (入托): children, applications and places, and daily care. */
export async function enrollmentModule(app: FastifyInstance, deps: Deps) {
  await childRoutes(app, deps);
  await applicationRoutes(app, deps);
  await careRoutes(app, deps);
}
