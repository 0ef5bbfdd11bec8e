import type { Transaction } from 'kysely';
import type { z } from 'zod';
import { type IsoDate, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { maskResidentId, normalizeResidentId } from '../../../../domain/identity/residentId.ts';
import { staffResidentIdProblem } from '../../../../domain/institutions/staffIdentity.ts';
import type { StaffRole } from '../../../../domain/institutions/vocabulary.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { staffView } from '../common/presenters.ts';
import { getInstitutionInScope } from '../common/queries.ts';
import { loadStates, type StaffRow } from '../common/state.ts';
import { endAccessOfStaff } from '../invitations/service.ts';
import {
  findActiveElsewhere,
  findCurrentStaff,
  insertStaff,
  lockResidentIndexes,
  replaceCertificates,
  unassignFromClass,
  updateStaffRow,
} from './queries.ts';
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

/**
 * The ID number's columns for a roster entry, after the shared rule (`staffResidentIdProblem`)
 * and the one-institution rule: the person (same blind index) must not be active staff of another
 * institution that is filed or under review (issue 19, as Guangdong's filing system refuses).
 * The lock is held until the transaction ends, so of two directors adding the same person at
 * once the second finds the first's row. `undefined` when nothing is to be written.
 */
async function residentIdColumns(
  deps: Deps,
  trx: Transaction<DB>,
  input: { residentId: string | undefined; role: StaffRole; required: boolean; institutionId: string; today: IsoDate },
) {
  const problem = staffResidentIdProblem(input.residentId, input);
  if (problem) throw fieldError('body.residentId', problem);
  if (input.residentId === undefined) return undefined;
  if (input.residentId.trim() === '') return { resident_id_enc: null, resident_id_index: null, resident_id_masked: null };
  const residentId = normalizeResidentId(input.residentId);
  const index = deps.cipher.blindIndex(residentId);
  await lockResidentIndexes(trx, [index]);
  const [elsewhere] = await findActiveElsewhere(trx, [index], input.institutionId, input.today);
  if (elsewhere) throw new AppError('STAFF_ACTIVE_ELSEWHERE', { institution: elsewhere.institutionName }, [{ path: 'body.residentId' }]);
  return { resident_id_enc: deps.cipher.encrypt(residentId), resident_id_index: index, resident_id_masked: maskResidentId(residentId) };
}

/**
 * The roster's people who are active staff of another institution that is filed or under review:
 * each with the other institution's name. With `lock`, the people's locks are held until the
 * transaction ends (a submission), so a director adding one of them elsewhere meanwhile waits.
 */
export async function findRosterConflicts(
  db: Db,
  staff: readonly Pick<StaffRow, 'id' | 'name' | 'resident_id_index'>[],
  institutionId: string,
  today: IsoDate,
  options: { lock?: boolean } = {},
): Promise<{ staffId: string; staffName: string; institution: string }[]> {
  const indexes = staff.flatMap((s) => (s.resident_id_index ? [s.resident_id_index] : []));
  if (options.lock) await lockResidentIndexes(db, indexes);
  const elsewhere = new Map(
    (await findActiveElsewhere(db, indexes, institutionId, today)).map((e) => [e.residentIndex, e.institutionName]),
  );
  return staff.flatMap((s) => {
    const institution = s.resident_id_index ? elsewhere.get(s.resident_id_index) : undefined;
    return institution ? [{ staffId: s.id, staffName: s.name, institution }] : [];
  });
}

// Audit entries name the person's id and role only: certificate and ID numbers stay out of the log.

export async function createStaff(
  deps: Deps,
  scope: Scope,
  context: AuditContext,
  institutionId: string,
  body: z.infer<typeof CreateStaffBody>,
) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const staffId = await deps.db.transaction().execute(async (trx) => {
    await lockOpen(trx, scope, institutionId);
    const identity = await residentIdColumns(deps, trx, {
      residentId: body.residentId,
      role: body.role,
      required: true,
      institutionId,
      today,
    });
    const row = await insertStaff(trx, {
      institution_id: institutionId,
      name: body.name,
      role: body.role,
      hired_on: body.hiredOn ?? null,
      created_at: now,
      ...identity,
    });
    await replaceCertificates(trx, row.id, certificateRows(body.certificates));
    await appendAudit(
      trx,
      context,
      {
        action: 'institution.staff.create',
        entityType: 'institution',
        entityId: institutionId,
        detail: { staffId: row.id, role: body.role, hasResidentId: identity?.resident_id_index != null },
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
  const today = todayInShanghai(now);
  await deps.db.transaction().execute(async (trx) => {
    await lockOpen(trx, scope, institutionId);
    const current = await getCurrentStaff(trx, institutionId, staffId, today);
    const { certificates, hiredOn, residentId, ...rest } = body;
    // An entry from before ID numbers keeps none until one is typed in; clearing one the role needs is refused.
    const identity = await residentIdColumns(deps, trx, {
      residentId,
      role: rest.role ?? (current.role as StaffRole),
      required: residentId !== undefined,
      institutionId,
      today,
    });
    if (hiredOn !== undefined || identity !== undefined || Object.keys(rest).length > 0) {
      await updateStaffRow(trx, staffId, { ...rest, ...(hiredOn !== undefined ? { hired_on: hiredOn } : {}), ...identity });
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
