import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { type InstitutionStatus, isLockedForEditing } from '../../../../domain/institutions/filingWorkflow.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { classView } from '../common/presenters.ts';
import { getInstitutionInScope } from '../common/queries.ts';
import { loadStates } from '../common/state.ts';
import type { CreateClassBody, UpdateClassBody } from './schemas.ts';

/** The class plan is a key fact: it is frozen while a filing is in review and once closed. */
async function lockEditable(trx: Transaction<DB>, scope: Scope, institutionId: string) {
  const institution = await getInstitutionInScope(trx, scope, institutionId, true);
  if (isLockedForEditing(institution.status as InstitutionStatus)) throw new AppError('INSTITUTION_LOCKED', { status: institution.status });
  return institution;
}

async function assignCaregivers(trx: Transaction<DB>, institutionId: string, classId: string, staffIds: string[], today: string) {
  const unique = [...new Set(staffIds)];
  if (unique.length > 0) {
    const found = await trx
      .selectFrom('institution_staff')
      .select('id')
      .where('id', 'in', unique)
      .where('institution_id', '=', institutionId)
      .where('role', '=', 'caregiver')
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
      .execute();
    if (found.length !== unique.length) throw new AppError('CAREGIVER_NOT_IN_INSTITUTION');
    await trx.deleteFrom('class_caregivers').where('staff_id', 'in', unique).execute();
  }
  await trx.deleteFrom('class_caregivers').where('class_id', '=', classId).execute();
  if (unique.length > 0) {
    await trx
      .insertInto('class_caregivers')
      .values(unique.map((staff_id) => ({ class_id: classId, staff_id })))
      .execute();
  }
}

async function viewOf(deps: Deps, institutionId: string, classId: string) {
  const state = (await loadStates(deps.db, [institutionId], todayInShanghai(deps.clock.now()))).get(institutionId);
  const found = state?.classes.find((c) => c.id === classId);
  if (!found) throw new AppError('NOT_FOUND');
  return classView(found);
}

export async function createClass(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  body: z.infer<typeof CreateClassBody>,
) {
  const now = deps.clock.now();
  const classId = await deps.db.transaction().execute(async (trx) => {
    await lockEditable(trx, scope, institutionId);
    const row = await trx
      .insertInto('institution_classes')
      .values({ institution_id: institutionId, class_type: body.classType, name: body.name, capacity: body.capacity, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
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
    const found = await trx
      .selectFrom('institution_classes')
      .select('id')
      .where('id', '=', classId)
      .where('institution_id', '=', institutionId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND');
    const { caregiverIds, classType, ...rest } = body;
    if (classType !== undefined || Object.keys(rest).length > 0) {
      await trx
        .updateTable('institution_classes')
        .set({ ...rest, ...(classType !== undefined ? { class_type: classType } : {}) })
        .where('id', '=', classId)
        .execute();
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
 * the change is filed; one never filed is deleted.
 */
export async function removeClass(deps: Deps, scope: Scope, context: AuditContext, institutionId: string, classId: string) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockEditable(trx, scope, institutionId);
    const found = await trx
      .selectFrom('institution_classes')
      .select(['id', 'filed_capacity'])
      .where('id', '=', classId)
      .where('institution_id', '=', institutionId)
      .where('archived_at', 'is', null)
      .executeTakeFirst();
    if (!found) throw new AppError('NOT_FOUND');
    await trx.deleteFrom('class_caregivers').where('class_id', '=', classId).execute();
    if (found.filed_capacity === null) await trx.deleteFrom('institution_classes').where('id', '=', classId).execute();
    else await trx.updateTable('institution_classes').set({ archived_at: now }).where('id', '=', classId).execute();
    await appendAudit(
      trx,
      context,
      { action: 'institution.class.remove', entityType: 'institution', entityId: institutionId, detail: { classId } },
      now,
    );
  });
}
