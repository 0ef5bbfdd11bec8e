import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isValidResidentId, maskResidentId, normalizeResidentId } from '../../../../domain/identity/residentId.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { auditChildReads, childReach } from '../common/access.ts';
import { presentPickupPerson } from './presenters.ts';
import * as q from './queries.ts';
import type { NewPickupPerson, PickupPersonView } from './schemas.ts';

/** Only a guardian authorises or revokes pick-up persons; staff and others are not found. */
async function requireGuardian(deps: Deps, scope: Scope, childId: string) {
  const reach = await childReach(deps, scope, childId);
  if (reach.institutionIds !== null) throw new AppError('NOT_FOUND');
}

export async function listPickupPersons(deps: Deps, scope: Scope, childId: string, context: AuditContext): Promise<PickupPersonView[]> {
  const reach = await childReach(deps, scope, childId);
  // Staff need only who may collect the child now; guardians see revoked authorisations too.
  const rows = await q.findPickupPersons(deps.db, [childId], { activeOnly: reach.institutionIds !== null });
  await auditChildReads(deps, context, [childId], 'pickup_persons');
  return rows.map(presentPickupPerson);
}

export async function addPickupPerson(
  deps: Deps,
  scope: Scope,
  childId: string,
  input: NewPickupPerson,
  context: AuditContext,
): Promise<PickupPersonView> {
  await requireGuardian(deps, scope, childId);
  const today = todayInShanghai(deps.clock.now());
  let residentId: string | null = null;
  if (input.residentId !== undefined) {
    residentId = normalizeResidentId(input.residentId);
    if (!isValidResidentId(residentId, today)) throw fieldError('body.residentId', 'residentId.invalid');
  }
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const personId = await q.insertPickupPerson(trx, {
      child_id: childId,
      name: input.name,
      relation: input.relation,
      phone: input.phone,
      resident_id_enc: residentId ? deps.cipher.encrypt(residentId) : null,
      resident_id_masked: residentId ? maskResidentId(residentId) : null,
      authorised_by: scope.actor.userId,
      authorised_at: now,
    });
    await appendAudit(
      trx,
      context,
      {
        action: 'pickup_person.authorise',
        entityType: 'child',
        entityId: childId,
        detail: { pickupPersonId: personId, relation: input.relation },
      },
      now,
    );
    return personId;
  });
  const rows = await q.findPickupPersons(deps.db, [childId]);
  return presentPickupPerson(rows.find((r) => r.id === id) as (typeof rows)[number]);
}

/** Revoking is idempotent; the row stays so past check-outs still name who collected the child. */
export async function revokePickupPerson(deps: Deps, scope: Scope, childId: string, personId: string, context: AuditContext) {
  await requireGuardian(deps, scope, childId);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const person = await q.lockPickupPerson(trx, childId, personId);
    if (!person) throw new AppError('NOT_FOUND');
    if (person.revoked_at) return;
    await q.revokePickupPerson(trx, personId, { at: now, userId: scope.actor.userId });
    await appendAudit(
      trx,
      context,
      { action: 'pickup_person.revoke', entityType: 'child', entityId: childId, detail: { pickupPersonId: personId } },
      now,
    );
  });
}
