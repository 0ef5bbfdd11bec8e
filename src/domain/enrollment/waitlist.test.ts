import { describe, expect, it } from 'vitest';
import { orderWaitlist, waitlistPositions } from './waitlist.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1, 0, minute));

describe('waitlist order', () => {
  const entries = [
    { id: 'a', appliedAt: at(1), priorities: [] },
    { id: 'b', appliedAt: at(2), priorities: ['sibling'] as const },
    { id: 'c', appliedAt: at(3), priorities: ['staff_child'] as const },
    { id: 'd', appliedAt: at(0), priorities: ['local_resident'] as const },
  ];

  it('puts stated priorities first, in the stated order, then time of application', () => {
    expect(orderWaitlist(entries, ['sibling', 'staff_child']).map((e) => e.id)).toEqual(['b', 'c', 'd', 'a']);
    expect(orderWaitlist(entries, ['staff_child', 'sibling']).map((e) => e.id)).toEqual(['c', 'b', 'd', 'a']);
  });

  it('is first come, first served when the institution states no priority', () => {
    expect(orderWaitlist(entries, []).map((e) => e.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(waitlistPositions(entries, []).get('a')).toBe(2);
  });
});
