import { addWorkingDays, type WorkingCalendar } from '../calendar/workingDays.ts';
import { compareIso, type IsoDate } from '../dates/shanghai.ts';
import { defineWorkflow, type Step } from '../workflow/defineWorkflow.ts';

export const COMPLAINT_CATEGORIES = ['safety', 'health', 'fees', 'staffing', 'other'] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

export const COMPLAINT_STATUSES = ['submitted', 'accepted', 'escalated', 'resolved', 'rejected'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const COMPLAINT_ACTIONS = ['accept', 'extend', 'resolve', 'reject', 'escalate'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

/** The district that supervises the institution, or the city (which may take any complaint, and alone handles escalated ones). */
export type ComplaintParty = 'district' | 'city';

/** What the step needs written: a reason (extend, reject, escalate) or the answer to the complainant (resolve). */
type ComplaintStep = Step<ComplaintStatus, ComplaintParty> & { needs: 'reason' | 'answer' | null; onlyOnce?: 'extended' };

const BOTH: ComplaintParty[] = ['district', 'city'];
const CITY: ComplaintParty[] = ['city'];

/**
 * A complaint is accepted within 1 working day and resolved within 5 working days of
 * acceptance, 15 once extended (once, with a reason). A district may escalate it to the city,
 * which then handles it alone; the resolve deadline then counts from the escalation.
 */
export const ComplaintWorkflow = defineWorkflow<ComplaintStatus, ComplaintAction, ComplaintParty, ComplaintStep>(COMPLAINT_STATUSES, {
  submitted: {
    accept: { to: 'accepted', by: BOTH, needs: null },
    reject: { to: 'rejected', by: BOTH, needs: 'reason' },
    escalate: { to: 'escalated', by: ['district'], needs: 'reason' },
  },
  accepted: {
    resolve: { to: 'resolved', by: BOTH, needs: 'answer' },
    extend: { to: 'accepted', by: BOTH, needs: 'reason', onlyOnce: 'extended' },
    reject: { to: 'rejected', by: BOTH, needs: 'reason' },
    escalate: { to: 'escalated', by: ['district'], needs: 'reason' },
  },
  escalated: {
    resolve: { to: 'resolved', by: CITY, needs: 'answer' },
    extend: { to: 'escalated', by: CITY, needs: 'reason', onlyOnce: 'extended' },
    reject: { to: 'rejected', by: CITY, needs: 'reason' },
  },
  resolved: {},
  rejected: {},
});

export const ACCEPT_WITHIN_WORKING_DAYS = 1;
export const RESOLVE_WITHIN_WORKING_DAYS = 5;
export const RESOLVE_EXTENDED_WORKING_DAYS = 15;

export function acceptDue(submittedOn: IsoDate, calendar: WorkingCalendar): IsoDate {
  return addWorkingDays(submittedOn, ACCEPT_WITHIN_WORKING_DAYS, calendar);
}

export function resolveDue(from: IsoDate, extended: boolean, calendar: WorkingCalendar): IsoDate {
  return addWorkingDays(from, extended ? RESOLVE_EXTENDED_WORKING_DAYS : RESOLVE_WITHIN_WORKING_DAYS, calendar);
}

/** The deadline the complaint is waiting on now, or null once it is closed. */
export function currentDue(c: { status: ComplaintStatus; acceptDue: IsoDate; resolveDue: IsoDate | null }): IsoDate | null {
  if (c.status === 'submitted') return c.acceptDue;
  if (c.status === 'accepted' || c.status === 'escalated') return c.resolveDue;
  return null;
}

/** Overdue from the day after its deadline. */
export function isOverdue(c: { status: ComplaintStatus; acceptDue: IsoDate; resolveDue: IsoDate | null }, today: IsoDate): boolean {
  const due = currentDue(c);
  return due !== null && compareIso(today, due) > 0;
}
