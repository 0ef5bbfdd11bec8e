import { type ChoiceStatus, ChoiceWorkflow } from '../../../../domain/enrollment/applicationWorkflow.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { actionNotAllowed, effectiveStatus, lockGuardianApplication, pickOffered } from './choices.ts';
import * as q from './queries.ts';
import { tellWhoIsFirst } from './waitlist.ts';

/** Declining an offer or withdrawing the whole application, by the guardian. */
export async function actByGuardian(
  deps: Deps,
  scope: Scope,
  applicationId: string,
  action: 'decline_offer' | 'withdraw',
  institutionId: string | undefined,
  context: AuditContext,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { choices } = await lockGuardianApplication(trx, scope, applicationId);
    const targets =
      action === 'withdraw'
        ? choices.filter((c) => ChoiceWorkflow.step(effectiveStatus(c.status as ChoiceStatus, c.offer_expires_at, now), 'withdraw'))
        : [pickOffered(choices, institutionId)].filter((c): c is NonNullable<typeof c> => c !== undefined);
    if (targets.length === 0) throw actionNotAllowed((choices[0]?.status ?? 'withdrawn') as ChoiceStatus, action, 'parent');
    await q.setChoiceStatus(
      trx,
      targets.map((t) => t.id),
      { status: action === 'withdraw' ? 'withdrawn' : 'declined', decidedAt: now },
    );
    await tellWhoIsFirst(
      trx,
      targets.filter((t) => t.status === 'waitlisted').map((t) => t.institution_id),
      now,
    );
    await appendAudit(trx, context, { action: `application.${action}`, entityType: 'application', entityId: applicationId }, now);
  });
}
