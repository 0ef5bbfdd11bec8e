import { classTypesForAge } from '../../../../domain/classes/classTypes.ts';
import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { compareIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleChildIds } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findChildSummaries } from '../../children/index.ts';
import { presentApplications } from './listApplications.ts';
import * as q from './queries.ts';
import type { ApplicationView, NewApplication } from './schemas.ts';

/** A guardian applies for their child, naming 1–3 filed institutions in order. */
export async function applyForPlace(deps: Deps, scope: Scope, input: NewApplication, context: AuditContext) {
  const visible = await findVisibleChildIds(deps.db, scope, [input.childId]);
  if (!scope.guardianUserId || !visible.has(input.childId)) throw new AppError('NOT_FOUND');
  const [child] = await findChildSummaries(deps.db, [input.childId]);
  if (!child) throw new AppError('NOT_FOUND');
  const today = todayInShanghai(deps.clock.now());
  if (compareIso(input.startDate, today) < 0) throw fieldError('body.startDate', 'startDate.past');
  if (ageInMonths(child.birth_date, input.startDate) >= 36) throw fieldError('body.startDate', 'startDate.afterThree');
  if (classTypesForAge(child.birth_date, input.startDate).length === 0) throw fieldError('body.startDate', 'startDate.tooYoung');
  if (new Set(input.institutionIds).size !== input.institutionIds.length) throw fieldError('body.institutionIds', 'institutions.duplicate');
  const institutions = await q.findFiledInstitutions(deps.db, input.institutionIds);
  if (institutions.length !== input.institutionIds.length) throw fieldError('body.institutionIds', 'institution.notAccepting');
  if (await q.findPlaceInstitution(deps.db, input.childId, input.institutionIds))
    throw fieldError('body.institutionIds', 'institution.placedHere');
  if (await q.findOpenApplicationOfChild(deps.db, input.childId)) throw new AppError('APPLICATION_OPEN');

  const now = deps.clock.now();
  const guardianId = scope.guardianUserId;
  const id = await deps.db.transaction().execute(async (trx) => {
    const applicationId = await q.insertApplication(
      trx,
      {
        child_id: input.childId,
        guardian_id: guardianId,
        start_date: input.startDate,
        sibling_attends: input.siblingAttends,
        staff_child: input.staffChild,
        created_at: now,
      },
      input.institutionIds,
    );
    await appendAudit(
      trx,
      context,
      {
        action: 'application.create',
        entityType: 'application',
        entityId: applicationId,
        detail: { childId: input.childId, institutions: input.institutionIds.length },
      },
      now,
    );
    return applicationId;
  });
  const [view] = await presentApplications(deps, [input.childId], id);
  return view as ApplicationView;
}
