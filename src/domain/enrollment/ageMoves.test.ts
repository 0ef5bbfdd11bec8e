import { describe, expect, it } from 'vitest';
import { ageMovesInMonth } from './ageMoves.ts';

describe('age moves in a month', () => {
  it('moves an infant up in the month the child turns 12 months', () => {
    expect(ageMovesInMonth('2025-12-10', 'infant', '2026-12')).toEqual([
      { kind: 'move_up', months: 12, on: '2026-12-10', toClassType: 'toddler' },
    ]);
    expect(ageMovesInMonth('2025-12-10', 'infant', '2026-11')).toEqual([]);
  });

  it('moves a toddler up at 24 months, and not a mixed-class child', () => {
    expect(ageMovesInMonth('2024-11-30', 'toddler', '2026-11')).toEqual([
      { kind: 'move_up', months: 24, on: '2026-11-30', toClassType: 'older_toddler' },
    ]);
    expect(ageMovesInMonth('2024-11-30', 'mixed', '2026-11')).toEqual([]);
  });

  it('has every child leave in the month they turn 3, using the clamped month end', () => {
    expect(ageMovesInMonth('2024-02-29', 'older_toddler', '2027-02')).toEqual([{ kind: 'leave', on: '2027-02-28' }]);
    expect(ageMovesInMonth('2023-11-15', 'mixed', '2026-11')).toEqual([{ kind: 'leave', on: '2026-11-15' }]);
  });
});
