import { describe, expect, it } from 'vitest';
import { recordFailure, refusal } from './lockout.ts';

const policy = { threshold: 3, minutes: 15 };
const t0 = new Date('2026-11-29T02:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const seconds = (s: number) => new Date(t0.getTime() + s * 1_000);

describe('sign-in lockout', () => {
  it('locks on the threshold-th failure within the window, and only until the lock ends', () => {
    let s = recordFailure(undefined, t0, policy);
    s = recordFailure(s, at(1), policy);
    expect(refusal(s, at(1.5))).toBeNull();
    s = recordFailure(s, at(2), policy);
    expect(refusal(s, at(2))).toEqual({ code: 'ACCOUNT_LOCKED', params: { minutes: 15 } });
    expect(refusal(s, at(17.01))).toBeNull();
  });

  it('lets one typo go, then makes each further try wait twice as long as the one before', () => {
    const lenient = { threshold: 5, minutes: 15 };
    let s = recordFailure(undefined, t0, lenient);
    expect(refusal(s, t0)).toBeNull();
    s = recordFailure(s, t0, lenient);
    expect(refusal(s, seconds(0.5))).toEqual({ code: 'SIGN_IN_DELAYED', params: { seconds: 1 } });
    expect(refusal(s, seconds(1))).toBeNull();
    s = recordFailure(s, seconds(1), lenient);
    expect(refusal(s, seconds(2))).toEqual({ code: 'SIGN_IN_DELAYED', params: { seconds: 1 } });
    expect(refusal(s, seconds(3))).toBeNull();
  });

  it('starts counting again once the window has passed', () => {
    let s = recordFailure(undefined, t0, policy);
    s = recordFailure(s, at(1), policy);
    s = recordFailure(s, at(20), policy);
    expect(s.failures).toBe(1);
    expect(refusal(s, at(20.1))).toBeNull();
  });
});
