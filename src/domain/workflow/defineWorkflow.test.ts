import { describe, expect, it } from 'vitest';
import { defineWorkflow, type Step } from './defineWorkflow.ts';

type Door = 'shut' | 'open' | 'locked';
const Door = defineWorkflow<Door, 'open' | 'close' | 'lock', 'guest' | 'keeper', Step<Door, 'guest' | 'keeper'> & { needsKey?: true }>(
  ['shut', 'open', 'locked'],
  {
    shut: { open: { to: 'open', by: ['guest', 'keeper'] }, lock: { to: 'locked', by: ['keeper'], needsKey: true } },
    open: { close: { to: 'shut', by: ['guest', 'keeper'] } },
    locked: {},
  },
);

describe('a workflow table', () => {
  it('answers the step of an action, or nothing where the status does not offer it', () => {
    expect(Door.step('shut', 'lock')).toEqual({ to: 'locked', by: ['keeper'], needsKey: true });
    expect(Door.step('open', 'lock')).toBeUndefined();
    expect(Door.step('locked', 'open')).toBeUndefined();
  });

  it('lists what a party may do now, in table order, under the caller’s own condition', () => {
    expect(Door.allowedActions('shut', ['guest'])).toEqual(['open']);
    expect(Door.allowedActions('shut', ['guest', 'keeper'])).toEqual(['open', 'lock']);
    expect(Door.allowedActions('shut', ['keeper'], (s) => !s.needsKey)).toEqual(['open']);
    expect(Door.allowedActions('locked', ['keeper'])).toEqual([]);
  });

  it('tells a forbidden action (never this party’s) from an untimely one', () => {
    expect(Door.mayEverTake('lock', ['guest'])).toBe(false);
    expect(Door.mayEverTake('lock', ['keeper'])).toBe(true);
  });
});
