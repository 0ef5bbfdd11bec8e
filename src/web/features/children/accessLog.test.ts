import { describe, expect, it } from 'vitest';
import { actionKey, byOthers, foldAccessLog } from './accessLog';
import type { AccessLogEntry } from './api';

const entry = (at: string, actorName: string | null, action = 'child.read', actorRole: string | null = 'caregiver'): AccessLogEntry => ({
  at,
  action,
  actorName,
  actorRole,
});

describe('the access log as a guardian reads it', () => {
  it('folds consecutive identical entries, keeping the newest', () => {
    const runs = foldAccessLog([
      entry('2026-03-02T09:00:03Z', '王老师'),
      entry('2026-03-02T09:00:02Z', '王老师'),
      entry('2026-03-02T09:00:01Z', '王老师'),
      entry('2026-03-02T08:00:00Z', '王老师', 'attendance.record'),
      entry('2026-03-01T08:00:00Z', '陈园长', 'child.read', 'institution_admin'),
      entry('2026-02-28T08:00:00Z', '王老师'),
    ]);
    expect(runs.map((r) => [r.latest.actorName, r.latest.action, r.count, r.latest.at])).toEqual([
      ['王老师', 'child.read', 3, '2026-03-02T09:00:03Z'],
      ['王老师', 'attendance.record', 1, '2026-03-02T08:00:00Z'],
      ['陈园长', 'child.read', 1, '2026-03-01T08:00:00Z'],
      ['王老师', 'child.read', 1, '2026-02-28T08:00:00Z'],
    ]);
  });

  it('does not fold the same name in another role', () => {
    expect(foldAccessLog([entry('b', '刘', 'child.read', 'parent'), entry('a', '刘', 'child.read', 'caregiver')])).toHaveLength(2);
  });

  it('leaves out only the guardian’s own entries', () => {
    const log = [entry('c', '刘家长', 'child.read', 'parent'), entry('b', '王家长', 'child.read', 'parent'), entry('a', '刘家长')];
    expect(byOthers(log, '刘家长').map((e) => e.at)).toEqual(['b', 'a']);
  });

  it('looks actions up without nesting on their dots', () => {
    expect(actionKey('pickup_person.authorise')).toBe('enrollment.accessLog.action.pickup_person_authorise');
  });
});
