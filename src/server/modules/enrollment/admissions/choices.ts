import type { Transaction } from 'kysely';
import {
  type ChoiceAction,
  type ChoiceParty,
  type ChoiceStatus,
  ChoiceWorkflow,
} from '../../../../domain/enrollment/applicationWorkflow.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleChildIds } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { actionNotAllowed as refusal } from '../../../platform/workflow/refusal.ts';
import * as q from './queries.ts';

/** The 409 for an action the choice's status does not allow, listing the actions it does. */
export function actionNotAllowed(status: ChoiceStatus, action: ChoiceAction, by: ChoiceParty) {
  return refusal('APPLICATION_ACTION_NOT_ALLOWED', { status, action, allowed: ChoiceWorkflow.allowedActions(status, [by]) });
}

/** An offer past its expiry is expired whether or not the sweep has written it yet. */
export function effectiveStatus(status: ChoiceStatus, expiresAt: Date | null, now: Date): ChoiceStatus {
  return status === 'offered' && expiresAt && expiresAt <= now ? 'expired' : status;
}

/** The one choice of an application that belongs to the director's institution, locked. */
export async function lockDirectorChoice(trx: Transaction<DB>, scope: Scope, applicationId: string) {
  for (const institutionId of scope.institutionIds) {
    const choice = await q.lockChoice(trx, applicationId, institutionId);
    if (choice) return choice;
  }
  throw new AppError('NOT_FOUND');
}

/** The guardian's application with all its choices, locked. */
export async function lockGuardianApplication(trx: Transaction<DB>, scope: Scope, applicationId: string) {
  const application = await q.findApplication(trx, applicationId);
  if (!application || !scope.guardianUserId) throw new AppError('NOT_FOUND');
  const visible = await findVisibleChildIds(trx, scope, [application.child_id]);
  if (!visible.has(application.child_id)) throw new AppError('NOT_FOUND');
  return { application, choices: await q.lockChoicesOfApplication(trx, applicationId) };
}

/** The offered choice the guardian acts on: the given institution's, or the first offered. */
export function pickOffered<T extends { status: string; institution_id: string }>(choices: T[], institutionId?: string): T | undefined {
  return choices.find((c) => c.status === 'offered' && (!institutionId || c.institution_id === institutionId));
}
