import type { ChoiceStatus } from '../../../../domain/enrollment/applicationWorkflow.ts';
import { placesLeft } from '../../../../domain/enrollment/placement.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed, lockGuardianApplication, pickOffered } from './choices.ts';
import { getEnrollmentView } from './enrollments.ts';
import { expireOffer } from './expireOffers.ts';
import * as q from './queries.ts';
import { tellWhoIsFirst } from './waitlist.ts';

/**
 * The guardian accepts an offer: the child is placed in the offered class unless the class is
 * full by then. The class row is locked first, so concurrent acceptances into one class are
 * decided one after another against the final count — capacity and ratio never break.
 */
export async function acceptOffer(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  institutionId: string | undefined,
  context: AuditContext,
) {
  const now = deps.clock.now();
  const result = await deps.db.transaction().execute(async (trx) => {
    const { application, choices } = await lockGuardianApplication(trx, scope, applicationId);
    const choice = pickOffered(choices, institutionId);
    if (!choice)
      throw actionNotAllowed(
        (choices.find((c) => !institutionId || c.institution_id === institutionId)?.status ?? 'withdrawn') as ChoiceStatus,
        'accept',
        'parent',
      );
    if (choice.offer_expires_at && choice.offer_expires_at <= now) return { kind: 'expired', choiceId: choice.id } as const;
    // The offer accepted holds its place, so only children enrolled count against it here.
    const load = await q.lockClassLoad(trx, choice.class_id as string);
    if (!load) throw new AppError('CLASS_FULL');
    if (
      placesLeft({ classType: load.classType as never, capacity: load.capacity, caregivers: load.caregivers, enrolled: load.enrolled }) ===
      0
    )
      throw new AppError('CLASS_FULL');
    if (await q.findActiveEnrollmentOfChild(trx, application.child_id)) throw new AppError('CHILD_ALREADY_ENROLLED');
    const enrollmentId = await q.insertEnrollment(trx, {
      child_id: application.child_id,
      institution_id: choice.institution_id,
      class_id: load.id,
      choice_id: choice.id,
      start_date: application.start_date,
    });
    await q.setChoiceStatus(trx, [choice.id], { status: 'accepted', decidedAt: now });
    await q.withdrawOtherChoices(trx, applicationId, choice.id, now);
    await tellWhoIsFirst(
      trx,
      choices.filter((c) => c.status === 'waitlisted').map((c) => c.institution_id),
      now,
    );
    await appendAudit(
      trx,
      context,
      [
        {
          action: 'application.accept',
          entityType: 'application',
          entityId: applicationId,
          detail: { institutionId: choice.institution_id },
        },
        {
          action: 'enrolment.create',
          entityType: 'enrolment',
          entityId: enrollmentId,
          detail: { childId: application.child_id, classId: load.id },
        },
      ],
      now,
    );
    return { kind: 'placed', enrollmentId } as const;
  });
  if (result.kind === 'expired') {
    await expireOffer(deps, result.choiceId, now);
    throw new AppError('OFFER_EXPIRED');
  }
  return getEnrollmentView(deps, result.enrollmentId);
}
