import { classTypesForAge } from '../../../domain/classes/classTypes.ts';
import { compareIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { placesLeft } from '../../../domain/enrollment/placement.ts';
import type { Deps } from '../../deps.ts';
import type { Scope } from '../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../platform/errors/AppError.ts';
import * as q from './applicationQueries.ts';
import { getEnrolmentView } from './applicationService.ts';

async function getOwnEnrolment(deps: Deps, scope: Scope, id: string) {
  const enrolment = await q.findEnrolment(deps.db, id);
  if (!enrolment || !scope.institutionIds.includes(enrolment.institution_id) || enrolment.end_date !== null)
    throw new AppError('NOT_FOUND');
  return enrolment;
}

/** Children holding places at the institution, by class. Reading names is audited. */
export async function listEnrolments(deps: Deps, scope: Scope, institutionId: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const rows = await q.findEnrolmentsOfInstitution(deps.db, institutionId);
  await appendAudit(
    deps.db,
    context,
    rows.map((r) => ({ action: 'child.read', entityType: 'child', entityId: r.child_id, detail: { via: 'enrolments' } })),
    deps.clock.now(),
  );
  return rows.map((r) => ({
    id: r.id,
    childId: r.child_id,
    childName: r.child_name,
    birthDate: r.birth_date,
    classId: r.class_id,
    className: r.class_name ?? '',
    classType: r.class_type ?? '',
    startDate: r.start_date,
  }));
}

/** Moves a child to another class of the institution that fits their age today and has a place. */
export async function transferEnrolment(deps: Deps, scope: Scope, id: string, classId: string, context: AuditContext) {
  const enrolment = await getOwnEnrolment(deps, scope, id);
  const today = todayInShanghai(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const load = await q.lockClassLoad(trx, classId);
    if (!load || load.institution_id !== enrolment.institution_id || load.id === enrolment.class_id)
      throw fieldError('body.classId', 'class.notAvailable');
    const onDate = compareIso(enrolment.start_date, today) > 0 ? enrolment.start_date : today;
    if (!classTypesForAge(enrolment.birth_date, onDate).includes(load.classType as never))
      throw fieldError('body.classId', 'class.wrongType');
    if (
      placesLeft({ classType: load.classType as never, capacity: load.capacity, caregivers: load.caregivers, enrolled: load.enrolled }) ===
      0
    )
      throw new AppError('CLASS_FULL');
    await trx.updateTable('enrolments').set({ class_id: classId }).where('id', '=', id).execute();
    await appendAudit(
      trx,
      context,
      { action: 'enrolment.transfer', entityType: 'enrolment', entityId: id, detail: { from: enrolment.class_id, to: classId } },
      deps.clock.now(),
    );
  });
  return getEnrolmentView(deps, id);
}

/** Ends a child's place (leaving, moving away, turning 3), freeing it for the waitlist. */
export async function endEnrolment(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { endDate: string; reason: string },
  context: AuditContext,
) {
  const enrolment = await getOwnEnrolment(deps, scope, id);
  if (compareIso(input.endDate, enrolment.start_date) < 0) throw fieldError('body.endDate', 'endDate.beforeStart');
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('enrolments')
      .set({ end_date: input.endDate, end_reason: input.reason })
      .where('id', '=', id)
      .where('end_date', 'is', null)
      .execute();
    await appendAudit(
      trx,
      context,
      { action: 'enrolment.end', entityType: 'enrolment', entityId: id, detail: { endDate: input.endDate, reason: input.reason } },
      deps.clock.now(),
    );
  });
  return getEnrolmentView(deps, id);
}
