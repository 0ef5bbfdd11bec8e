import type { FastifyBaseLogger } from 'fastify';

/** A job gets the scheduler's stop signal: one that works through many items stops between two. */
export type Job = { name: string; everyMs: number; run(stopping: AbortSignal): Promise<unknown> };

/**
 * Runs each job on its interval inside the server process. Jobs must be safe to run in several
 * processes at once (they are conditional updates), so no leader election is needed.
 *
 * Returns the stop: no run starts after it, and it resolves once the runs in progress have
 * finished, so a server shutting down closes its database only after them (an e-mail handed to the
 * mail server is recorded as sent, not sent again after the restart).
 */
export function startJobs(jobs: Job[], log: FastifyBaseLogger): () => Promise<void> {
  const stopping = new AbortController();
  const inProgress = new Set<Promise<unknown>>();
  const timers = jobs.map((job) => {
    let running = false;
    const timer = setInterval(() => {
      if (running || stopping.signal.aborted) return;
      running = true;
      const run: Promise<unknown> = job
        .run(stopping.signal)
        .catch((err) => log.warn({ err, job: job.name }, 'job failed'))
        .finally(() => {
          running = false;
          inProgress.delete(run);
        });
      inProgress.add(run);
    }, job.everyMs);
    timer.unref();
    return timer;
  });
  return async () => {
    stopping.abort();
    for (const t of timers) clearInterval(t);
    await Promise.allSettled([...inProgress]);
  };
}
