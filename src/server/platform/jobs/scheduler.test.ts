import { afterEach, describe, expect, it, vi } from 'vitest';
import { startJobs } from './scheduler.ts';

const log = { warn: vi.fn() } as never;

describe('the job scheduler', () => {
  afterEach(() => vi.useRealTimers());

  it('on stop starts no run, tells the running one to stop, and resolves only once it has finished', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let finish: () => void = () => {};
    const seen: AbortSignal[] = [];
    const run = vi.fn(
      (stopping: AbortSignal) =>
        new Promise<void>((resolve) => {
          seen.push(stopping);
          finish = resolve;
        }),
    );
    const stop = startJobs([{ name: 'slow', everyMs: 1_000, run }], log);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(run).toHaveBeenCalledTimes(1);

    let stopped = false;
    const stopping = stop().then(() => {
      stopped = true;
    });
    await Promise.resolve();
    expect(seen[0]?.aborted).toBe(true);
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(stopped).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('keeps running a job whose run failed, and stops at once when nothing runs', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const run = vi.fn(async () => {
      throw new Error('database went away');
    });
    const stop = startJobs([{ name: 'failing', everyMs: 1_000, run }], log);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(run).toHaveBeenCalledTimes(3);
    await stop();
  });
});
