import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type ClassType, exceedsClassSize } from '../../../../domain/classes/classTypes.ts';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type InstitutionStatus, isLockedForEditing } from '../../../../domain/institutions/filingWorkflow.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { classView } from '../common/presenters.ts';
import { getInstitutionInScope } from '../common/queries.ts';
import { loadStates } from '../common/state.ts';
import {
  countChildrenHeld,
  deleteClass,
  findCurrentCaregivers,
  findPlanClass,
  insertClass,
  replaceCaregivers,
  unassignStaff,
  updateClassRow,
} from './queries.ts';
import type { CreateClassBody, UpdateClassBody } from './schemas.ts';

/** The class plan is a key fact: it is frozen while a filing is in review and once closed. */
async function lockEditable(trx: Transaction<DB>, scope: Scope, institutionId: string) {
  const institution = await getInstitutionInScope(trx, scope, institutionId, true);
  if (isLockedForEditing(institution.status as InstitutionStatus)) throw new AppError('INSTITUTION_LOCKED', { status: institution.status });
  return institution;
}

/** A class over its type's national size is refused at the places field, whichever field changed. */
function checkClassSize(classType: ClassType, capacity: number) {
  if (exceedsClassSize(classType, capacity)) throw fieldError('body.capacity', `class.overMaximum.${classType}`);
}

async function assignCaregivers(trx: Transaction<DB>, institutionId: string, classId: string, staffIds: string[], today: string) {
  const unique = [...new Set(staffIds)];
  if (unique.length > 0) {
    const found = await findCurrentCaregivers(trx, institutionId, unique, today);
    if (found.length !== unique.length) throw new AppError('CAREGIVER_NOT_IN_INSTITUTION');
    await unassignStaff(trx, unique);
  }
  await replaceCaregivers(trx, classId, unique);
}

async function viewOf(deps: Deps, institutionId: string, classId: string) {
  const state = (await loadStates(deps.db, [institutionId], todayInShanghai(deps.clock.now()))).get(institutionId);
  const found = state?.classes.find((c) => c.id === classId);
  if (!found) throw new AppError('NOT_FOUND');
  return classView(found, state?.staff ?? []);
}

export async function createClass(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  body: z.infer<typeof CreateClassBody>,
) {
  checkClassSize(body.classType, body.capacity);
  const now = deps.clock.now();
  const classId = await deps.db.transaction().execute(async (trx) => {
    await lockEditable(trx, scope, institutionId);
    const row = await insertClass(trx, {
      institution_id: institutionId,
      class_type: body.classType,
      name: body.name,
      capacity: body.capacity,
      created_at: now,
    });
    await assignCaregivers(trx, institutionId, row.id, body.caregiverIds, todayInShanghai(now));
    await appendAudit(
      trx,
      context,
      { action: 'institution.class.create', entityType: 'institution', entityId: institutionId, detail: { classId: row.id, ...body } },
      now,
    );
    return row.id;
  });
  return viewOf(deps, institutionId, classId);
}

export async function updateClass(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  classId: string,
  body: z.infer<typeof UpdateClassBody>,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockEditable(trx, scope, institutionId);
    const found = await findPlanClass(trx, institutionId, classId);
    if (!found) throw new AppError('NOT_FOUND');
    checkClassSize(body.classType ?? (found.class_type as ClassType), body.capacity ?? found.capacity);
    const { caregiverIds, classType, ...rest } = body;
    if (classType !== undefined || Object.keys(rest).length > 0) {
      await updateClassRow(trx, classId, { ...rest, ...(classType !== undefined ? { class_type: classType } : {}) });
    }
    if (caregiverIds !== undefined) await assignCaregivers(trx, institutionId, classId, caregiverIds, todayInShanghai(now));
    await appendAudit(
      trx,
      context,
      { action: 'institution.class.update', entityType: 'institution', entityId: institutionId, detail: { classId, ...body } },
      now,
    );
  });
  return viewOf(deps, institutionId, classId);
}

/**
 * Removes a class from the plan. A class in the filed plan is archived and stays public until
 * the change is filed; one never filed is deleted. A class with children enrolled or offered a
 * place is refused: they would be left in a class that no longer exists.
 */
export async function removeClass(deps: Deps, scope: Scope, context: AuditContext, institutionId: string, classId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockEditable(trx, scope, institutionId);
    const found = await findPlanClass(trx, institutionId, classId);
    if (!found) throw new AppError('NOT_FOUND');
    const held = await countChildrenHeld(trx, classId);
    if (held > 0) throw new AppError('CLASS_HAS_CHILDREN', { count: held });
    await replaceCaregivers(trx, classId, []);
    if (found.filed_capacity === null) await deleteClass(trx, classId);
    else await updateClassRow(trx, classId, { archived_at: now });
    await appendAudit(
      trx,
      context,
      { action: 'institution.class.remove', entityType: 'institution', entityId: institutionId, detail: { classId } },
      now,
    );
  });
}
