import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { allowedFilingActions, FilingWorkflow, type InstitutionStatus } from '../../../../domain/institutions/filingWorkflow.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { actingRoles } from '../common/access.ts';
import { getInstitutionInScope, hasFiledVersion } from '../common/queries.ts';
import { EFFECTS, type TransitionInput } from './effects.ts';
import { tellDirectorsOfDecision } from './notifications.ts';
import { setInstitutionStatus } from './queries.ts';

/**
 * The one way an institution's status changes: checks the transition table
 * (src/domain/institutions/filingWorkflow.ts) for the caller's roles, writes the effect and the
 * new status, and audits — all in one transaction with the institution row locked, so two
 * officials acting at once take turns and the second sees the first one's result.
 *
 * Out of scope → 404; a role that can never take the action → 403; an action the current
 * status does not offer → 409 naming the actions that are allowed.
 */
export async function transition(deps: Deps, scope: Scope, context: AuditContext, institutionId: string, input: TransitionInput) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const institution = await getInstitutionInScope(trx, scope, institutionId, true);
    const roles = actingRoles(scope, institution);
    if (!FilingWorkflow.mayEverTake(input.action, roles)) throw new AppError('FORBIDDEN');
    const status = institution.status as InstitutionStatus;
    const allowed = allowedFilingActions(status, roles, await hasFiledVersion(trx, institutionId));
    const next = FilingWorkflow.step(status, input.action);
    if (!next || !allowed.includes(input.action)) {
      throw actionNotAllowed('TRANSITION_NOT_ALLOWED', { status, action: input.action, allowed });
    }
    if (next.needsReason && !input.reason) throw new AppError('VALIDATION_FAILED', {}, [{ path: 'body.reason', message: 'reason' }]);
    const detail = await EFFECTS[input.action]({ trx, institution, input, actorId: scope.actor.userId, now });
    await setInstitutionStatus(trx, institutionId, {
      status: next.to,
      status_reason: input.reason ?? null,
      status_changed_at: now,
      updated_at: now,
    });
    await tellDirectorsOfDecision(trx, institution, input.action, { reason: input.reason, receiptNumber: detail.receiptNumber }, now);
    await appendAudit(
      trx,
      context,
      {
        action: `institution.${input.action}`,
        entityType: 'institution',
        entityId: institutionId,
        detail: { from: status, to: next.to, ...(input.reason ? { reason: input.reason } : {}), ...detail },
      },
      now,
    );
    return { status: next.to, today: todayInShanghai(now), ...detail };
  });
}
