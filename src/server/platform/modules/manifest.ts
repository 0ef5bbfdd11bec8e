import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { Job } from '../jobs/scheduler.ts';

/**
 * What a module adds to the server, exported by its index.ts and listed once in
 * src/server/modules.ts: app.ts registers every plugin and main.ts starts every job from that
 * list, so a module's scheduled work cannot be left out.
 */
export type ModuleManifest = {
  name: string;
  /** Registers the module's routes. */
  plugin: (app: FastifyInstance, deps: Deps) => Promise<void>;
  /** The module's scheduled work; each job must be safe to run in several processes at once. */
  jobs: (deps: Deps) => Job[];
};
