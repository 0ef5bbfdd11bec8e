import type { FastifyBaseLogger } from 'fastify';

export type Job = { name: string; everyMs: number; run(): Promise<unknown> };

/**
 * Runs each job on its interval inside the server process. Jobs must be safe to run in several
 * processes at once (they are conditional updates), so no leader election is needed.
 */
export function startJobs(jobs: Job[], log: FastifyBaseLogger): () => void {
  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running) return;
      running = true;
      job
        .run()
        .catch((err) => log.warn({ err, job: job.name }, 'job failed'))
        .finally(() => {
          running = false;
        });
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
