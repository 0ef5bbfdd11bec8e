import { describe, expect, it } from 'vitest';
import { ROLES } from '../access/roles.ts';
import { allowedFilingActions, FilingAction, FilingWorkflow, InstitutionStatus, isLockedForEditing } from './filingWorkflow.ts';

describe('filing workflow', () => {
  it('follows draft → submitted → under review → filed or returned, and back from returned', () => {
    expect(FilingWorkflow.step('draft', 'submit')?.to).toBe('submitted');
    expect(FilingWorkflow.step('submitted', 'start_review')?.to).toBe('under_review');
    expect(FilingWorkflow.step('under_review', 'file')?.to).toBe('filed');
    expect(FilingWorkflow.step('under_review', 'return')?.to).toBe('returned');
    expect(FilingWorkflow.step('returned', 'submit')?.to).toBe('submitted');
    expect(FilingWorkflow.step('draft', 'file')).toBeUndefined();
    expect(FilingWorkflow.step('submitted', 'file')).toBeUndefined();
  });

  it('files changes of a filed institution again, and lets officials suspend, reinstate and close', () => {
    expect(FilingWorkflow.step('filed', 'submit')?.to).toBe('submitted');
    expect(FilingWorkflow.step('filed', 'suspend')).toMatchObject({ to: 'suspended', needsReason: true });
    expect(FilingWorkflow.step('suspended', 'reinstate')?.to).toBe('filed');
    for (const status of InstitutionStatus.filter((s) => s !== 'closed')) expect(FilingWorkflow.step(status, 'close')?.to).toBe('closed');
    expect(Object.keys(FilingWorkflow.table.closed)).toEqual([]);
  });

  it('gives each role only its own actions', () => {
    expect(allowedFilingActions('draft', ['institution_admin'], false)).toEqual(['submit']);
    expect(allowedFilingActions('submitted', ['institution_admin'], false)).toEqual([]);
    expect(allowedFilingActions('under_review', ['district_official'], false)).toEqual(['file', 'return', 'close']);
    expect(allowedFilingActions('under_review', ['city_official'], false)).toEqual(['close']);
    expect(allowedFilingActions('returned', ['institution_admin'], false)).toEqual(['submit']);
    expect(allowedFilingActions('returned', ['institution_admin'], true)).toEqual(['submit', 'discard_changes']);
    expect(allowedFilingActions('filed', ['parent', 'caregiver', 'admin'], true)).toEqual([]);
  });

  it('says which roles may ever take an action', () => {
    expect(FilingWorkflow.mayEverTake('file', ['institution_admin'])).toBe(false);
    expect(FilingWorkflow.mayEverTake('file', ['district_official'])).toBe(true);
    expect(FilingWorkflow.mayEverTake('submit', ['district_official', 'city_official'])).toBe(false);
    for (const action of FilingAction) expect(FilingWorkflow.mayEverTake(action, ROLES)).toBe(true);
  });

  it('needs a reason wherever an official refuses, suspends or closes', () => {
    for (const status of InstitutionStatus) {
      for (const [action, t] of Object.entries(FilingWorkflow.table[status])) {
        if (['return', 'suspend', 'close', 'reinstate'].includes(action)) expect(t).toMatchObject({ needsReason: true });
      }
    }
  });

  it('freezes the working copy while a reviewer looks at it, and for good once closed', () => {
    expect(InstitutionStatus.filter(isLockedForEditing)).toEqual(['submitted', 'under_review', 'closed']);
  });
});
