import { classTypesForAge } from '../../../../domain/classes/classTypes.ts';
import { type ChoiceStatus, ChoiceWorkflow } from '../../../../domain/enrollment/applicationWorkflow.ts';
import { placesLeft } from '../../../../domain/enrollment/placement.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed, effectiveStatus, lockDirectorChoice } from './choices.ts';
import { tellOfferMade } from './notifications.ts';
import * as q from './queries.ts';
import { tellWhoIsFirst } from './waitlist.ts';

const DAY_MS = 86_400_000;

/** An offer of a place in a class that fits the child's age on the start date. */
export async function makeOffer(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  input: { classId: string; expiresAt: string },
  context: AuditContext,
) {
  const now = deps.clock.now();
  const expiresAt = new Date(input.expiresAt);
  if (expiresAt <= now || expiresAt.getTime() - now.getTime() > 30 * DAY_MS) throw fieldError('body.expiresAt', 'expiresAt.range');
  const application = await q.findApplication(deps.db, applicationId);
  if (!application) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const choice = await lockDirectorChoice(trx, scope, applicationId);
    const status = effectiveStatus(choice.status as ChoiceStatus, choice.offer_expires_at, now);
    if (!ChoiceWorkflow.step(status, 'offer')) throw actionNotAllowed(status, 'offer', 'institution');
    // An application from before a child was placed here: a second place here cannot be accepted.
    if (await q.findPlaceInstitution(trx, application.child_id, [choice.institution_id])) throw new AppError('CHILD_ALREADY_ENROLLED');
    const load = await q.findClassLoad(trx, input.classId, now);
    if (!load || load.institution_id !== choice.institution_id) throw fieldError('body.classId', 'class.notAvailable');
    if (!classTypesForAge(application.birth_date, application.start_date).includes(load.classType as never))
      throw fieldError('body.classId', 'class.wrongType');
    if (placesLeft({ ...load, classType: load.classType as never }) === 0) throw new AppError('CLASS_FULL');
    await q.setChoiceStatus(trx, [choice.id], { status: 'offered', decidedAt: now, offer: { classId: input.classId, expiresAt } });
    const about = { childId: application.child_id, childName: application.child_name, institutionId: choice.institution_id };
    await tellOfferMade(trx, about, expiresAt, now);
    if (status === 'waitlisted') await tellWhoIsFirst(trx, [choice.institution_id], now);
    await appendAudit(
      trx,
      context,
      {
        action: 'application.offer',
        entityType: 'application',
        entityId: applicationId,
        detail: { institutionId: choice.institution_id, classId: input.classId, expiresAt: expiresAt.toISOString() },
      },
      now,
    );
  });
}
