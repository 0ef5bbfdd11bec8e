import { describe, expect, it } from 'vitest';
import { isLocked, minutesLeft, recordFailure } from './lockout.ts';

const policy = { threshold: 3, minutes: 15 };
const t0 = new Date('2026-11-29T02:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sign-in lockout', () => {
  it('locks on the threshold-th failure within the window, and only until the lock ends', () => {
    let s = recordFailure(undefined, t0, policy);
    s = recordFailure(s, at(1), policy);
    expect(isLocked(s, at(1))).toBe(false);
    s = recordFailure(s, at(2), policy);
    expect(isLocked(s, at(2))).toBe(true);
    expect(minutesLeft(s, at(2))).toBe(15);
    expect(isLocked(s, at(17.01))).toBe(false);
  });

  it('starts counting again once the window has passed', () => {
    let s = recordFailure(undefined, t0, policy);
    s = recordFailure(s, at(1), policy);
    s = recordFailure(s, at(20), policy);
    expect(s.failures).toBe(1);
    expect(isLocked(s, at(20))).toBe(false);
  });
});
