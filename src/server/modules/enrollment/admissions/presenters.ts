import { classTypesForAge } from '../../../../domain/classes/classTypes.ts';
import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { type ChoiceStatus, ChoiceWorkflow } from '../../../../domain/enrollment/applicationWorkflow.ts';
import type { WaitlistPriority } from '../../../../domain/enrollment/waitlist.ts';
import { effectiveStatus } from './choices.ts';
import type * as q from './queries.ts';
import type { ApplicationView } from './schemas.ts';
import { prioritiesOf } from './waitlist.ts';

type ApplicationRow = Awaited<ReturnType<typeof q.findApplicationsOfChildren>>[number];
type ChoiceRow = Awaited<ReturnType<typeof q.findChoices>>[number];
type BoardRow = Awaited<ReturnType<typeof q.findBoard>>[number];

/** An application as its guardian sees it: each choice with status, waitlist position, offer and what they may do. */
export function presentApplication(a: ApplicationRow, choices: ChoiceRow[], positions: Map<string, number>, now: Date): ApplicationView {
  return {
    id: a.id,
    childId: a.child_id,
    childName: a.child_name,
    startDate: a.start_date,
    siblingAttends: a.sibling_attends,
    staffChild: a.staff_child,
    createdAt: new Date(a.created_at).toISOString(),
    choices: choices
      .filter((c) => c.application_id === a.id)
      .map((c) => {
        const status = effectiveStatus(c.status as ChoiceStatus, c.offer_expires_at, now);
        return {
          id: c.id,
          institutionId: c.institution_id,
          institutionName: c.institution_name,
          rank: c.rank,
          status,
          waitlistPosition: positions.get(c.id) ?? null,
          offer:
            status === 'offered' && c.class_id && c.offer_expires_at
              ? {
                  classId: c.class_id,
                  className: c.class_name ?? '',
                  classType: c.class_type ?? '',
                  expiresAt: new Date(c.offer_expires_at).toISOString(),
                }
              : null,
          allowedActions: ChoiceWorkflow.allowedActions(status, ['parent']),
        };
      }),
  };
}

/**
 * What the board shows an application holding: only what the institution states, in its order.
 * A fact it does not state (living in the township, say) plays no part in the order, and showing
 * it would suggest it does.
 */
function statedHeld(held: readonly WaitlistPriority[], stated: readonly WaitlistPriority[]): WaitlistPriority[] {
  return stated.filter((p) => held.includes(p));
}

/** One choice on the director's board. */
export function presentBoardItem(
  r: BoardRow,
  rule: { divisionCode: string; stated: WaitlistPriority[] },
  positions: Map<string, number>,
  now: Date,
) {
  const status = effectiveStatus(r.status as ChoiceStatus, r.offer_expires_at, now);
  return {
    applicationId: r.application_id,
    choiceId: r.choice_id,
    childId: r.child_id,
    childName: r.child_name,
    birthDate: r.birth_date,
    startDate: r.start_date,
    ageMonthsAtStart: ageInMonths(r.birth_date, r.start_date),
    classTypes: classTypesForAge(r.birth_date, r.start_date),
    rank: r.rank,
    status,
    priorities: statedHeld(prioritiesOf(r, rule.divisionCode), rule.stated),
    waitlistPosition: positions.get(r.choice_id) ?? null,
    appliedAt: new Date(r.created_at).toISOString(),
    offer:
      status === 'offered' && r.class_id && r.offer_expires_at
        ? { classId: r.class_id, className: r.class_name ?? '', expiresAt: new Date(r.offer_expires_at).toISOString() }
        : null,
    placedHere: Boolean(r.placed_here),
    // A child holding a place here gets no second one; the application can still be declined.
    allowedActions: ChoiceWorkflow.allowedActions(status, ['institution']).filter((a) => !(r.placed_here && a === 'offer')),
  };
}

export function presentEnrollment(e: q.EnrollmentRow) {
  return {
    id: e.id,
    childId: e.child_id,
    institutionId: e.institution_id,
    classId: e.class_id,
    className: e.class_name ?? '',
    classType: e.class_type ?? '',
    startDate: e.start_date,
    endDate: e.end_date,
  };
}
