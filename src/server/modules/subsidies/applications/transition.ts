import {
  type ApplicationStatus,
  SubsidyApplicationWorkflow,
  type SubsidyKind,
  suggestedAmount,
} from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { findSubsidyPolicy } from '../common/policy.ts';
import { rolesFor } from './access.ts';
import { tellApplicantOfDecision } from './notifications.ts';
import * as q from './queries.ts';
import type { TransitionBody } from './schemas.ts';
import { getApplication } from './service.ts';

/**
 * One step of the review (src/domain/subsidies/institutionSubsidies.ts): refused with 403 when
 * the caller's role does not take that step, 409 with the allowed actions when the status does
 * not offer it. The application row is locked, so two reviewers cannot both decide.
 */
export async function transition(deps: Deps, scope: Scope, id: string, input: TransitionBody, context: AuditContext) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  const roles = rolesFor(scope, row);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const a = await q.lockApplication(trx, id);
    if (!a) throw new AppError('NOT_FOUND');
    const status = a.status as ApplicationStatus;
    const step = SubsidyApplicationWorkflow.step(status, input.action);
    if (step && !step.by.some((role) => roles.includes(role))) throw new AppError('FORBIDDEN');
    if (!step) {
      const allowed = SubsidyApplicationWorkflow.allowedActions(status, roles);
      throw actionNotAllowed('SUBSIDY_ACTION_NOT_ALLOWED', { status, action: input.action, allowed });
    }
    if (input.action === 'city_approve' && input.amountFen === undefined) throw fieldError('body.amountFen', 'subsidy.amountRequired');
    if ((input.action === 'district_return' || input.action === 'city_return') && !input.note)
      throw fieldError('body.note', 'reason.required');
    const resubmitted = input.action === 'resubmit';
    const details = resubmitted && input.details ? input.details : undefined;
    const rates = (await findSubsidyPolicy(trx)).institutionSubsidyRates;
    await q.updateApplication(trx, id, {
      status: step.to,
      updated_at: now,
      ...(input.action === 'city_approve' ? { approved_fen: input.amountFen } : {}),
      ...(details ? { details: JSON.stringify(details), suggested_fen: suggestedAmount(a.kind as SubsidyKind, details, rates) } : {}),
      ...(resubmitted && input.requestedFen !== undefined ? { requested_fen: input.requestedFen } : {}),
    });
    await q.insertEvent(trx, {
      application_id: id,
      action: input.action,
      from_status: status,
      to_status: step.to,
      actor_id: scope.actor.userId,
      note: input.note ?? null,
      amount_fen: input.amountFen ?? null,
      at: now,
    });
    await tellApplicantOfDecision(trx, row, input.action, { amountFen: input.amountFen, note: input.note }, now);
    await appendAudit(
      trx,
      context,
      {
        action: `subsidy_application.${input.action}`,
        entityType: 'institution',
        entityId: a.institution_id,
        detail: { applicationId: id, from: status, to: step.to, amountFen: input.amountFen, note: input.note },
      },
      now,
    );
  });
  return getApplication(deps, scope, id);
}
