/** Failed sign-ins for one phone number from one client address within a window. */
export type AttemptState = { failures: number; windowStartedAt: Date; lastFailureAt: Date; lockedUntil: Date | null };

export type LockoutPolicy = { threshold: number; minutes: number };

export type Refusal = { code: 'ACCOUNT_LOCKED'; params: { minutes: number } } | { code: 'SIGN_IN_DELAYED'; params: { seconds: number } };

// From the second failure on, each one doubles the wait before the next try (1 s, 2 s, 4 s, …):
// one typo costs nothing, while guessing slows down long before the full lock.
const FIRST_DELAY_MS = 1_000;

function delayedUntil(state: AttemptState): Date {
  const wait = state.failures < 2 ? 0 : FIRST_DELAY_MS * 2 ** (state.failures - 2);
  return new Date(state.lastFailureAt.getTime() + wait);
}

/**
 * Why this phone may not be tried from this address now, or null. The state never depends on
 * whether an account has the number, so neither does the answer.
 */
export function refusal(state: AttemptState | undefined, now: Date): Refusal | null {
  if (!state) return null;
  if (state.lockedUntil && state.lockedUntil > now) {
    const minutes = Math.max(1, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
    return { code: 'ACCOUNT_LOCKED', params: { minutes } };
  }
  const until = delayedUntil(state);
  if (!state.lockedUntil && until > now) {
    return { code: 'SIGN_IN_DELAYED', params: { seconds: Math.ceil((until.getTime() - now.getTime()) / 1_000) } };
  }
  return null;
}

/**
 * Counts one more failure. The count restarts when the window (as long as the lock) has passed,
 * and reaching the threshold locks the number, for this address only, for `minutes`.
 */
export function recordFailure(state: AttemptState | undefined, now: Date, policy: LockoutPolicy): AttemptState {
  const windowMs = policy.minutes * 60_000;
  const fresh = !state || now.getTime() - state.windowStartedAt.getTime() > windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStartedAt = fresh ? now : state.windowStartedAt;
  const lockedUntil = failures >= policy.threshold ? new Date(now.getTime() + windowMs) : null;
  return { failures, windowStartedAt, lastFailureAt: now, lockedUntil };
}
