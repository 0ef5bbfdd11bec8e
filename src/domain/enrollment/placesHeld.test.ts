import { describe, expect, it } from 'vitest';
import { countHeldOnEach } from './placesHeld.ts';

const MONTH_ENDS = ['2026-01-31', '2026-02-28', '2026-03-31'];

describe('places held on each date', () => {
  it('counts a period on the dates from its start to its last day, both included', () => {
    const counts = countHeldOnEach(
      [
        { institutionId: 'a', startDate: '2026-01-31', endDate: '2026-02-28', children: 2 },
        { institutionId: 'a', startDate: '2026-02-01', endDate: null, children: 1 },
        { institutionId: 'b', startDate: '2025-06-01', endDate: '2026-01-30', children: 5 },
        { institutionId: 'b', startDate: '2026-03-31', endDate: '2026-03-31', children: 1 },
      ],
      MONTH_ENDS,
    );
    expect(counts.map((m) => Object.fromEntries(m))).toEqual([{ a: 2 }, { a: 3 }, { a: 1, b: 1 }]);
  });

  it('leaves out a period that covers none of the dates', () => {
    const counts = countHeldOnEach([{ institutionId: 'a', startDate: '2026-02-01', endDate: '2026-02-27', children: 4 }], MONTH_ENDS);
    expect(counts.map((m) => m.size)).toEqual([0, 0, 0]);
  });
});
