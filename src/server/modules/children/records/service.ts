import { ageInMonths } from '../../../../domain/dates/childAge.ts';
import { compareIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import {
  isValidResidentId,
  maskResidentId,
  normalizeResidentId,
  residentIdBirthDate,
  residentIdSex,
} from '../../../../domain/identity/residentId.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { findVisibleChildIds } from '../../../platform/access/visibility.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { findDivisionAsOf } from '../../geography/index.ts';
import { presentAccessLogEntry, presentChild } from './presenters.ts';
import * as q from './queries.ts';
import type { ChildView, NewChild } from './schemas.ts';

/** The notice a guardian agrees to when adding a child; bump when its text changes. */
export const CONSENT_VERSION = '2026-11';

export async function addChild(deps: Deps, scope: Scope, input: NewChild, context: AuditContext): Promise<ChildView> {
  const today = todayInShanghai(deps.clock.now());
  if (compareIso(input.birthDate, today) > 0) throw fieldError('body.birthDate', 'birthDate.future');
  if (ageInMonths(input.birthDate, today) >= 36) throw fieldError('body.birthDate', 'birthDate.tooOld');
  let residentId: string | undefined;
  if (input.residentId !== undefined) {
    residentId = normalizeResidentId(input.residentId);
    if (!isValidResidentId(residentId, today)) throw fieldError('body.residentId', 'residentId.invalid');
    if (residentIdBirthDate(residentId) !== input.birthDate || residentIdSex(residentId) !== input.sex) {
      throw fieldError('body.residentId', 'residentId.mismatch');
    }
  }
  const division = await findDivisionAsOf(deps.db, input.residenceDivisionCode, today);
  if (division?.level !== 'township') throw fieldError('body.residenceDivisionCode', 'division.notTownship');

  const index = residentId ? deps.cipher.blindIndex(residentId) : null;
  if (index && (await q.findChildByResidentIndex(deps.db, index))) throw new AppError('CHILD_ALREADY_REGISTERED');
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const childId = await q.insertChild(trx, {
      name: input.name,
      sex: input.sex,
      birth_date: input.birthDate,
      resident_id_enc: residentId ? deps.cipher.encrypt(residentId) : null,
      resident_id_index: index,
      resident_id_masked: residentId ? maskResidentId(residentId) : null,
      residence_division_code: input.residenceDivisionCode,
      created_by: scope.actor.userId,
    });
    await q.insertGuardian(trx, {
      child_id: childId,
      user_id: scope.actor.userId,
      relation: input.relation,
      consent_version: CONSENT_VERSION,
      consented_at: now,
    });
    await appendAudit(
      trx,
      context,
      [
        { action: 'child.create', entityType: 'child', entityId: childId, detail: { hasResidentId: !!residentId } },
        {
          action: 'child.consent',
          entityType: 'child',
          entityId: childId,
          detail: { version: CONSENT_VERSION, relation: input.relation },
        },
      ],
      now,
    );
    return childId;
  });
  const [view] = await presentChildren(deps, [id]);
  return view as ChildView;
}

/** Reads children the scope may see; every read of a child's record is audited. */
export async function readChildren(deps: Deps, scope: Scope, ids: string[], context: AuditContext): Promise<ChildView[]> {
  const visible = await findVisibleChildIds(deps.db, scope, ids);
  const views = await presentChildren(deps, [...visible]);
  await appendAudit(
    deps.db,
    context,
    views.map((v) => ({ action: 'child.read', entityType: 'child', entityId: v.id })),
    deps.clock.now(),
  );
  return views;
}

export async function listMyChildren(deps: Deps, scope: Scope, context: AuditContext) {
  if (!scope.guardianUserId) return [];
  return readChildren(deps, scope, await q.findChildrenOfGuardian(deps.db, scope.guardianUserId), context);
}

export async function getChild(deps: Deps, scope: Scope, id: string, context: AuditContext): Promise<ChildView> {
  const [view] = await readChildren(deps, scope, [id], context);
  if (!view) throw new AppError('NOT_FOUND');
  return view;
}

/** Who has read or changed the child's record, for the child's guardians (PIPL art. 45). */
export async function getAccessLog(deps: Deps, scope: Scope, id: string) {
  const visible = await findVisibleChildIds(deps.db, scope, [id]);
  if (!visible.has(id)) throw new AppError('NOT_FOUND');
  return (await q.findAccessLog(deps.db, id)).map(presentAccessLogEntry);
}

async function presentChildren(deps: Deps, ids: string[]): Promise<ChildView[]> {
  const [rows, guardians] = await Promise.all([q.findChildRows(deps.db, ids), q.findGuardians(deps.db, ids)]);
  const today = todayInShanghai(deps.clock.now());
  return rows.map((r) => presentChild(r, guardians, today));
}
