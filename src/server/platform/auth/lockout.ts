/** Failed sign-ins for one phone number within a window. */
export type AttemptState = { failures: number; windowStartedAt: Date; lockedUntil: Date | null };

export type LockoutPolicy = { threshold: number; minutes: number };

export function isLocked(state: AttemptState | undefined, now: Date): boolean {
  return !!state?.lockedUntil && state.lockedUntil > now;
}

export function minutesLeft(state: AttemptState, now: Date): number {
  return Math.max(1, Math.ceil(((state.lockedUntil?.getTime() ?? 0) - now.getTime()) / 60_000));
}

/**
 * Counts one more failure. The count restarts when the window (as long as the lock) has passed,
 * and reaching the threshold locks the number for `minutes`.
 */
export function recordFailure(state: AttemptState | undefined, now: Date, policy: LockoutPolicy): AttemptState {
  const windowMs = policy.minutes * 60_000;
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= policy.threshold ? new Date(now.getTime() + windowMs) : null;
  return { failures, windowStartedAt, lockedUntil };
}
