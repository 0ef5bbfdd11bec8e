import { classTypesForAge } from '../../../../domain/classes/classTypes.ts';
import { compareIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { placesLeft } from '../../../../domain/enrollment/placement.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { auditChildReads } from '../../children/index.ts';
import { presentEnrollment } from './presenters.ts';
import * as q from './queries.ts';

export async function getEnrollmentView(deps: Deps, id: string) {
  const e = await q.findEnrollment(deps.db, id);
  if (!e) throw new AppError('NOT_FOUND');
  return presentEnrollment(e);
}

async function getOwnEnrollment(deps: Deps, scope: Scope, id: string) {
  const enrollment = await q.findEnrollment(deps.db, id);
  if (!enrollment || !scope.institutionIds.includes(enrollment.institution_id) || enrollment.end_date !== null)
    throw new AppError('NOT_FOUND');
  return enrollment;
}

/** Children holding places at the institution, by class. Reading names is audited. */
export async function listEnrollments(deps: Deps, scope: Scope, institutionId: string, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const rows = await q.findEnrollmentsOfInstitution(deps.db, institutionId);
  await auditChildReads(
    deps,
    context,
    rows.map((r) => r.child_id),
    'enrolments',
  );
  return rows.map((r) => {
    const { institutionId: _i, endDate: _e, ...view } = presentEnrollment(r);
    return { ...view, childName: r.child_name, birthDate: r.birth_date };
  });
}

/** Moves a child to another class of the institution that fits their age today and has a place. */
export async function transferEnrollment(deps: Deps, scope: Scope, id: string, classId: string, context: AuditContext) {
  const enrollment = await getOwnEnrollment(deps, scope, id);
  const today = todayInShanghai(deps.clock.now());
  await deps.db.transaction().execute(async (trx) => {
    const load = await q.lockClassLoad(trx, classId);
    if (!load || load.institution_id !== enrollment.institution_id || load.id === enrollment.class_id)
      throw fieldError('body.classId', 'class.notAvailable');
    const onDate = compareIso(enrollment.start_date, today) > 0 ? enrollment.start_date : today;
    if (!classTypesForAge(enrollment.birth_date, onDate).includes(load.classType as never))
      throw fieldError('body.classId', 'class.wrongType');
    if (
      placesLeft({ classType: load.classType as never, capacity: load.capacity, caregivers: load.caregivers, enrolled: load.enrolled }) ===
      0
    )
      throw new AppError('CLASS_FULL');
    await q.moveEnrollment(trx, id, classId);
    await appendAudit(
      trx,
      context,
      { action: 'enrolment.transfer', entityType: 'enrolment', entityId: id, detail: { from: enrollment.class_id, to: classId } },
      deps.clock.now(),
    );
  });
  return getEnrollmentView(deps, id);
}

/** Ends a child's place (leaving, moving away, turning 3), freeing it for the waitlist. */
export async function endEnrollment(
  deps: Deps,
  scope: Scope,
  id: string,
  input: { endDate: string; reason: string },
  context: AuditContext,
) {
  const enrollment = await getOwnEnrollment(deps, scope, id);
  if (compareIso(input.endDate, enrollment.start_date) < 0) throw fieldError('body.endDate', 'endDate.beforeStart');
  await deps.db.transaction().execute(async (trx) => {
    await q.endEnrollment(trx, id, input);
    await appendAudit(
      trx,
      context,
      { action: 'enrolment.end', entityType: 'enrolment', entityId: id, detail: { endDate: input.endDate, reason: input.reason } },
      deps.clock.now(),
    );
  });
  return getEnrollmentView(deps, id);
}
