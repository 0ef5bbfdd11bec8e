import { describe, expect, it } from 'vitest';
import { checklistScore, DEFAULT_CHECKLIST, isOverdue, RectificationWorkflow } from './checklist.ts';

describe('the inspection checklist', () => {
  it('scores the share of applicable weight that passed, leaving out what does not apply', () => {
    const checklist = [
      { key: 'a', zh: '甲', en: 'A', weight: 3 },
      { key: 'b', zh: '乙', en: 'B', weight: 1 },
      { key: 'c', zh: '丙', en: 'C', weight: 1 },
    ];
    expect(
      checklistScore(
        [
          { key: 'a', result: 'pass' },
          { key: 'b', result: 'fail' },
          { key: 'c', result: 'not_applicable' },
        ],
        checklist,
      ),
    ).toBe(75);
    expect(checklistScore([{ key: 'c', result: 'not_applicable' }], checklist)).toBeNull();
  });

  it('holds the eight duties of the national rules by default', () => {
    expect(DEFAULT_CHECKLIST.map((i) => i.key)).toEqual([
      'filing',
      'class_sizes',
      'health_certificates',
      'cctv',
      'food_safety',
      'fire_safety',
      'morning_checks',
      'pickup_records',
    ]);
  });
});

describe('a rectification', () => {
  it('goes from the director’s evidence to the district’s decision, and back when sent back', () => {
    expect(RectificationWorkflow.allowedActions('open', ['director'])).toEqual(['submit']);
    expect(RectificationWorkflow.allowedActions('open', ['inspector'])).toEqual([]);
    expect(RectificationWorkflow.allowedActions('submitted', ['inspector'])).toEqual(['accept', 'reject']);
    expect(RectificationWorkflow.step('submitted', 'reject')?.to).toBe('open');
    expect(RectificationWorkflow.allowedActions('accepted', ['director', 'inspector'])).toEqual([]);
  });

  it('is overdue from the day after its deadline until accepted', () => {
    expect(isOverdue({ status: 'open', deadline: '2026-12-01' }, '2026-12-01')).toBe(false);
    expect(isOverdue({ status: 'submitted', deadline: '2026-12-01' }, '2026-12-02')).toBe(true);
    expect(isOverdue({ status: 'accepted', deadline: '2026-12-01' }, '2026-12-02')).toBe(false);
  });
});
