import type { ChoiceStatus } from '../../../../domain/enrollment/applicationWorkflow.ts';
import { ChoiceWorkflow } from '../../../../domain/enrollment/applicationWorkflow.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed, effectiveStatus, lockDirectorChoice } from './choices.ts';
import { tellDeclined } from './notifications.ts';
import * as q from './queries.ts';
import { tellWhoIsFirst } from './waitlist.ts';

/** Waitlist or decline, by the institution. */
export async function decideByInstitution(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  action: 'waitlist' | 'decline',
  context: AuditContext,
) {
  const now = deps.clock.now();
  const application = await q.findApplication(deps.db, applicationId);
  if (!application) throw new AppError('NOT_FOUND');
  await deps.db.transaction().execute(async (trx) => {
    const choice = await lockDirectorChoice(trx, scope, applicationId);
    const status = effectiveStatus(choice.status as ChoiceStatus, choice.offer_expires_at, now);
    const to = ChoiceWorkflow.step(status, action)?.to;
    if (!to) throw actionNotAllowed(status, action, 'institution');
    await q.setChoiceStatus(trx, [choice.id], { status: to, decidedAt: now });
    // Joining the waitlist can put the choice first; leaving it moves the next one up.
    if (action === 'waitlist' || status === 'waitlisted') await tellWhoIsFirst(trx, [choice.institution_id], now);
    if (action === 'decline') {
      await tellDeclined(
        trx,
        { childId: application.child_id, childName: application.child_name, institutionId: choice.institution_id },
        now,
      );
    }
    await appendAudit(
      trx,
      context,
      {
        action: `application.${action}`,
        entityType: 'application',
        entityId: applicationId,
        detail: { institutionId: choice.institution_id },
      },
      now,
    );
  });
}
