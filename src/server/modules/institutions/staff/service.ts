import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { staffView } from '../common/presenters.ts';
import { getInstitutionInScope } from '../common/queries.ts';
import { loadStates } from '../common/state.ts';
import { endAccessOfStaff } from '../invitations/service.ts';
import { findCurrentStaff, insertStaff, replaceCertificates, unassignFromClass, updateStaffRow } from './queries.ts';
import type { CertificateBody, CreateStaffBody, UpdateStaffBody } from './schemas.ts';

/** The roster is day-to-day business: it may change during a review, but not once closed. */
async function lockOpen(trx: Transaction<DB>, scope: Scope, institutionId: string) {
  const institution = await getInstitutionInScope(trx, scope, institutionId, true);
  if (institution.status === 'closed') throw new AppError('INSTITUTION_LOCKED', { status: institution.status });
}

async function getCurrentStaff(trx: Transaction<DB>, institutionId: string, staffId: string, today: string) {
  const found = await findCurrentStaff(trx, institutionId, staffId, today);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

function certificateRows(certificates: z.infer<typeof CertificateBody>[]) {
  return certificates.map((c) => ({
    kind: c.kind,
    number: c.number ?? null,
    issued_on: c.issuedOn ?? null,
    expires_on: c.expiresOn ?? null,
    qualification_title: c.title ?? null,
    qualification_level: c.level ?? null,
  }));
}

async function viewOf(deps: Deps, institutionId: string, staffId: string) {
  const today = todayInShanghai(deps.clock.now());
  const state = (await loadStates(deps.db, [institutionId], today)).get(institutionId);
  const found = state?.staff.find((s) => s.id === staffId);
  if (!found) throw new AppError('NOT_FOUND');
  return staffView(found, today);
}

// Audit entries name the person's id and role only: certificate numbers stay out of the log.

export async function createStaff(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  body: z.infer<typeof CreateStaffBody>,
) {
  const now = deps.clock.now();
  const staffId = await deps.db.transaction().execute(async (trx) => {
    await lockOpen(trx, scope, institutionId);
    const row = await insertStaff(trx, {
      institution_id: institutionId,
      name: body.name,
      role: body.role,
      hired_on: body.hiredOn ?? null,
      created_at: now,
    });
    await replaceCertificates(trx, row.id, certificateRows(body.certificates));
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.staff.create',
        entityType: 'institution',
        entityId: institutionId,
        detail: { staffId: row.id, role: body.role },
      },
      now,
    );
    return row.id;
  });
  return viewOf(deps, institutionId, staffId);
}

export async function updateStaff(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  staffId: string,
  body: z.infer<typeof UpdateStaffBody>,
) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await lockOpen(trx, scope, institutionId);
    await getCurrentStaff(trx, institutionId, staffId, todayInShanghai(now));
    const { certificates, hiredOn, ...rest } = body;
    if (hiredOn !== undefined || Object.keys(rest).length > 0) {
      await updateStaffRow(trx, staffId, { ...rest, ...(hiredOn !== undefined ? { hired_on: hiredOn } : {}) });
    }
    // Only caregivers count in a class's ratio.
    if (rest.role !== undefined && rest.role !== 'caregiver') await unassignFromClass(trx, staffId);
    if (certificates !== undefined) await replaceCertificates(trx, staffId, certificateRows(certificates));
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.staff.update',
        entityType: 'institution',
        entityId: institutionId,
        detail: { staffId, fields: Object.keys(body) },
      },
      now,
    );
  });
  return viewOf(deps, institutionId, staffId);
}

/**
 * The person leaves today: off the roster and out of their class, and an account that joined as
 * them loses its role at once; the row stays for history.
 */
export async function removeStaff(deps: Deps, scope: Scope, context: AuditContext, institutionId: string, staffId: string) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  await deps.db.transaction().execute(async (trx) => {
    await lockOpen(trx, scope, institutionId);
    await getCurrentStaff(trx, institutionId, staffId, today);
    await updateStaffRow(trx, staffId, { left_on: today });
    await unassignFromClass(trx, staffId);
    const accountsEnded = await endAccessOfStaff(trx, staffId, scope.actor.userId, now);
    await appendAudit(
      trx,
      context,
      { action: 'institution.staff.remove', entityType: 'institution', entityId: institutionId, detail: { staffId, accountsEnded } },
      now,
    );
  });
}
