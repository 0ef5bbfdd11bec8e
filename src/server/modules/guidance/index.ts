import type { FastifyInstance } from 'fastify';
import type { Deps } from '../../deps.ts';
import type { ModuleManifest } from '../../platform/modules/manifest.ts';
import { checkPublishedArticles, publishDueArticles } from './articles/jobs.ts';
import { articleRoutes } from './articles/routes.ts';
import { remindSessions } from './courses/reminders.ts';
import { courseRoutes } from './courses/routes.ts';
import { expireSeatOffers } from './courses/waitlist.ts';
import { trainingRoutes } from './trainings/routes.ts';
import { textbookRoutes } from './trainings/textbookRoutes.ts';

/** Guidance and training (互联网+托育): the guidance center's courses and bookings, staff trainings and their certificates, the city's articles. See README.md. */
async function guidanceRoutes(app: FastifyInstance, deps: Deps) {
  await courseRoutes(app, deps);
  await articleRoutes(app, deps);
  await trainingRoutes(app, deps);
  await textbookRoutes(app, deps);
}

export const guidanceModule: ModuleManifest = {
  name: 'guidance',
  plugin: guidanceRoutes,
  jobs: (deps: Deps) => [
    { name: 'expired seat offers', everyMs: 60_000, run: () => expireSeatOffers(deps) },
    { name: 'session reminders', everyMs: 15 * 60_000, run: () => remindSessions(deps) },
    { name: 'scheduled articles', everyMs: 60_000, run: () => publishDueArticles(deps) },
    { name: 'published article check', everyMs: 24 * 60 * 60_000, run: () => checkPublishedArticles(deps) },
  ],
};

export { seedArticleDemo } from './articles/demo.ts';
export { seedCourseDemo } from './courses/demo/seed.ts';
export { seedTrainingDemo } from './trainings/demo.ts';
