import { roundHours } from '../../../../domain/guidance/index.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { tellDirectorsOfClosing } from './notifications.ts';
import * as q from './queries.ts';
import type { NewTraining } from './schemas.ts';
import { getTraining, requireTraining, trainingColumns } from './service.ts';
import { institutionsDirectedBy, requireTrainingStaff } from './settings.ts';

/**
 * The center corrects a training: title, description, hours, venue or link, textbook. The hours
 * printed on certificates were measured against the required hours, so once one is issued they
 * stay; the audience stays too, as the people enrolled were chosen for it.
 */
export async function updateTraining(deps: Deps, scope: Scope, id: string, body: NewTraining, origin: string, context: AuditContext) {
  await requireTrainingStaff(deps.db, scope);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const training = await q.lockTraining(trx, id);
    if (!training) throw new AppError('NOT_FOUND');
    if (body.audience !== training.audience) throw fieldError('body.audience', 'training.audienceFixed');
    const requiredHours = roundHours(body.requiredHours);
    if (requiredHours !== Number(training.required_hours)) {
      const issued = await q.countCertificates(trx, id);
      if (issued > 0)
        throw new AppError('TRAINING_HOURS_LOCKED', { count: issued, hours: Number(training.required_hours) }, [
          { path: 'body.requiredHours' },
        ]);
    }
    await q.updateTraining(trx, id, trainingColumns(body));
    await appendAudit(
      trx,
      context,
      { action: 'training.update', entityType: 'training', entityId: id, detail: { title: body.title, requiredHours } },
      now,
    );
  });
  return getTraining(deps, scope, id, origin);
}

/** Closing stops enrolments; the directors of everyone still enrolled hear of it. A closed training stays closed (a second close changes nothing). */
export async function closeTraining(deps: Deps, scope: Scope, id: string, origin: string, context: AuditContext) {
  await requireTrainingStaff(deps.db, scope);
  await requireTraining(deps, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const training = await q.closeTraining(trx, id);
    if (!training) return;
    const institutions = await q.findEnrolledInstitutions(trx, id);
    await appendAudit(trx, context, { action: 'training.close', entityType: 'training', entityId: id, detail: { institutions } }, now);
    await tellDirectorsOfClosing(trx, { institutionIds: institutions, training: training.title, trainingId: id }, now);
  });
  return getTraining(deps, scope, id, origin);
}

/** A director takes their staff member off a training not yet completed; a completed one has its certificate and stays. */
export async function withdrawEnrolment(deps: Deps, scope: Scope, params: { id: string; enrolmentId: string }, context: AuditContext) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // Locked as completion locks it: a withdrawal and a completion at once cannot both happen.
    const enrolment = await q.lockEnrolment(trx, params.id, params.enrolmentId);
    if (!enrolment || !institutionsDirectedBy(scope).includes(enrolment.institution_id)) throw new AppError('NOT_FOUND');
    if (enrolment.status !== 'enrolled') throw new AppError('TRAINING_WITHDRAW_NOT_OPEN', { status: enrolment.status });
    await q.setEnrolmentStatus(trx, enrolment.id, 'withdrawn', scope.actor.userId, now);
    await appendAudit(
      trx,
      context,
      {
        action: 'training.withdraw',
        entityType: 'training_enrolment',
        entityId: enrolment.id,
        detail: { trainingId: params.id, staffId: enrolment.staff_id },
      },
      now,
    );
  });
  return { id: params.enrolmentId, status: 'withdrawn' as const };
}
