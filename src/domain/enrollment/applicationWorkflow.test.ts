import { describe, expect, it } from 'vitest';
import { ChoiceStatus, ChoiceWorkflow, isOpen } from './applicationWorkflow.ts';

describe('application choice workflow', () => {
  it('lets the institution waitlist, offer or decline a new application, and the parent only withdraw', () => {
    expect(ChoiceWorkflow.allowedActions('new', ['institution'])).toEqual(['waitlist', 'offer', 'decline']);
    expect(ChoiceWorkflow.allowedActions('new', ['parent'])).toEqual(['withdraw']);
    expect(ChoiceWorkflow.allowedActions('offered', ['parent'])).toEqual(['accept', 'decline_offer', 'withdraw']);
  });

  it('ends in states with no way out', () => {
    for (const s of ['accepted', 'declined', 'withdrawn', 'expired'] as const) {
      expect(Object.keys(ChoiceWorkflow.table[s])).toEqual([]);
      expect(isOpen(s)).toBe(false);
    }
    expect(ChoiceWorkflow.step('accepted', 'withdraw')).toBeUndefined();
  });

  it('reaches every status from new', () => {
    const seen = new Set<string>(['new']);
    const queue: ChoiceStatus[] = ['new'];
    while (queue.length) {
      const s = queue.shift() as ChoiceStatus;
      for (const t of Object.values(ChoiceWorkflow.table[s]) as { to: ChoiceStatus }[]) {
        if (!seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...ChoiceStatus].sort());
  });
});
