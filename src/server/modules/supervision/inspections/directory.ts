import type { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { findRoleHolders, findUserByPhone } from '../../../platform/auth/queries.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findInstitutionNames, findListedInDistrict } from '../../institutions/index.ts';
import { assertDistrict, mayActForDistrict } from './access.ts';
import { findConflicts, findInspector, findInspectors, insertInspector, setInspectorActive, upsertConflict } from './queries.ts';
import type { ConflictBody, InspectorBody } from './schemas.ts';

/** The district's inspector directory with each inspector's recorded conflicts, and the institutions a conflict may name. */
export async function getDirectory(deps: Deps, scope: Scope, districtCode: string) {
  assertDistrict(scope, districtCode);
  const inspectors = await findInspectors(deps.db, districtCode);
  const conflicts = await findConflicts(
    deps.db,
    inspectors.map((i) => i.id),
  );
  const names = await findInstitutionNames(
    deps.db,
    conflicts.map((c) => c.institution_id),
  );
  return {
    inspectors: inspectors.map((i) => ({
      id: i.id,
      name: i.name,
      linkedUser: i.user_id !== null,
      active: i.active,
      conflicts: conflicts
        .filter((c) => c.inspector_id === i.id)
        .map((c) => ({ institutionId: c.institution_id, institutionName: names.get(c.institution_id)?.name ?? '', reason: c.reason })),
    })),
    institutions: await findListedInDistrict(deps.db, districtCode),
  };
}

function assertMayManage(scope: Scope, districtCode: string) {
  assertDistrict(scope, districtCode);
  if (!mayActForDistrict(scope, districtCode)) throw new AppError('FORBIDDEN');
}

export async function addInspector(deps: Deps, scope: Scope, context: AuditContext, body: z.infer<typeof InspectorBody>) {
  assertMayManage(scope, body.divisionCode);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    let userId: string | null = null;
    if (body.phone) {
      const user = await findUserByPhone(trx, body.phone);
      const officials = await findRoleHolders(trx, { role: 'district_official', withinDivision: body.divisionCode });
      if (!user || !officials.includes(user.id)) throw fieldError('body.phone', 'inspector.notOfficial');
      userId = user.id;
    }
    const row = await insertInspector(trx, {
      district_code: body.divisionCode,
      name: body.name,
      user_id: userId,
      active: true,
      created_at: now,
    });
    await appendAudit(
      trx,
      context,
      {
        action: 'inspection.inspector.add',
        entityType: 'inspector',
        entityId: row.id,
        detail: { divisionCode: body.divisionCode, name: body.name, linked: userId !== null },
      },
      now,
    );
  });
  return getDirectory(deps, scope, body.divisionCode);
}

async function inspectorInScope(deps: Deps, scope: Scope, id: string) {
  const inspector = await findInspector(deps.db, id);
  if (!inspector) throw new AppError('NOT_FOUND');
  assertMayManage(scope, inspector.district_code);
  return inspector;
}

export async function setActive(deps: Deps, scope: Scope, context: AuditContext, id: string, active: boolean) {
  const inspector = await inspectorInScope(deps, scope, id);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await setInspectorActive(trx, id, active);
    await appendAudit(
      trx,
      context,
      { action: 'inspection.inspector.active', entityType: 'inspector', entityId: id, detail: { active } },
      now,
    );
  });
  return getDirectory(deps, scope, inspector.district_code);
}

/** A conflict (kin, former employer, a stake) keeps the inspector from ever being drawn for that institution. */
export async function recordConflict(deps: Deps, scope: Scope, context: AuditContext, id: string, body: z.infer<typeof ConflictBody>) {
  const inspector = await inspectorInScope(deps, scope, id);
  const institution = (await findInstitutionNames(deps.db, [body.institutionId])).get(body.institutionId);
  if (!institution?.divisionCode.startsWith(inspector.district_code)) throw fieldError('body.institutionId', 'inspector.conflictOutside');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await upsertConflict(trx, {
      inspector_id: id,
      institution_id: body.institutionId,
      reason: body.reason,
      recorded_by: scope.actor.userId,
      recorded_at: now,
    });
    await appendAudit(trx, context, { action: 'inspection.inspector.conflict', entityType: 'inspector', entityId: id, detail: body }, now);
  });
  return getDirectory(deps, scope, inspector.district_code);
}
