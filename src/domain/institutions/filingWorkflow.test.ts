import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.ts';
import {
  allowedActions,
  FilingAction,
  FilingWorkflow,
  InstitutionStatus,
  isLockedForEditing,
  mayEverTake,
  transitionFor,
} from './filingWorkflow.ts';

describe('filing workflow', () => {
  it('follows draft → submitted → under review → filed or returned, and back from returned', () => {
    expect(transitionFor('draft', 'submit')?.to).toBe('submitted');
    expect(transitionFor('submitted', 'start_review')?.to).toBe('under_review');
    expect(transitionFor('under_review', 'file')?.to).toBe('filed');
    expect(transitionFor('under_review', 'return')?.to).toBe('returned');
    expect(transitionFor('returned', 'submit')?.to).toBe('submitted');
    expect(transitionFor('draft', 'file')).toBeUndefined();
    expect(transitionFor('submitted', 'file')).toBeUndefined();
  });

  it('files changes of a filed institution again, and lets officials suspend, reinstate and close', () => {
    expect(transitionFor('filed', 'submit')?.to).toBe('submitted');
    expect(transitionFor('filed', 'suspend')).toMatchObject({ to: 'suspended', needsReason: true });
    expect(transitionFor('suspended', 'reinstate')?.to).toBe('filed');
    for (const status of InstitutionStatus.filter((s) => s !== 'closed')) expect(transitionFor(status, 'close')?.to).toBe('closed');
    expect(Object.keys(FilingWorkflow.closed)).toEqual([]);
  });

  it('gives each role only its own actions', () => {
    expect(allowedActions('draft', { roles: ['institution_admin'], hasFiledVersion: false })).toEqual(['submit']);
    expect(allowedActions('submitted', { roles: ['institution_admin'], hasFiledVersion: false })).toEqual([]);
    expect(allowedActions('under_review', { roles: ['district_official'], hasFiledVersion: false })).toEqual(['file', 'return', 'close']);
    expect(allowedActions('under_review', { roles: ['city_official'], hasFiledVersion: false })).toEqual(['close']);
    expect(allowedActions('returned', { roles: ['institution_admin'], hasFiledVersion: false })).toEqual(['submit']);
    expect(allowedActions('returned', { roles: ['institution_admin'], hasFiledVersion: true })).toEqual(['submit', 'discard_changes']);
    expect(allowedActions('filed', { roles: ['parent', 'caregiver', 'admin'], hasFiledVersion: true })).toEqual([]);
  });

  it('says which roles may ever take an action', () => {
    expect(mayEverTake('file', ['institution_admin'])).toBe(false);
    expect(mayEverTake('file', ['district_official'])).toBe(true);
    expect(mayEverTake('submit', ['district_official', 'city_official'])).toBe(false);
    for (const action of FilingAction) expect(mayEverTake(action, ROLES)).toBe(true);
  });

  it('needs a reason wherever an official refuses, suspends or closes', () => {
    for (const status of InstitutionStatus) {
      for (const [action, t] of Object.entries(FilingWorkflow[status])) {
        if (['return', 'suspend', 'close', 'reinstate'].includes(action)) expect(t).toMatchObject({ needsReason: true });
      }
    }
  });

  it('freezes the working copy while a reviewer looks at it, and for good once closed', () => {
    expect(InstitutionStatus.filter(isLockedForEditing)).toEqual(['submitted', 'under_review', 'closed']);
  });
});
