import { describe, expect, it } from 'vitest';
import { isOperatingOn } from './operation.ts';

describe('operating on a date', () => {
  const changes = [
    { onDate: '2026-01-10', active: true },
    { onDate: '2026-03-15', active: false },
    { onDate: '2026-05-10', active: true },
    { onDate: '2026-05-10', active: false },
  ];

  it('follows the latest change on or before the day, the later of two on one day deciding', () => {
    expect(
      ['2026-01-09', '2026-01-10', '2026-03-14', '2026-03-15', '2026-05-09', '2026-05-10'].map((d) => isOperatingOn(changes, d)),
    ).toEqual([false, true, true, false, false, false]);
  });

  it('is not operating with no change at all', () => {
    expect(isOperatingOn([], '2026-01-01')).toBe(false);
  });
});
