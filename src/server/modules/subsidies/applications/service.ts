import { createHash, randomUUID } from 'node:crypto';
import type { Role } from '../../../../domain/access/roles.ts';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { currentInclusive } from '../../../../domain/institutions/designations.ts';
import {
  type ApplicationStatus,
  allowedActions,
  type SubsidyKind,
  stepOf,
  suggestedAmount,
} from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { detectContentType, LABELS, UPLOAD_TYPES } from '../../../platform/files/contentType.ts';
import { cleanFilename } from '../../../platform/files/filename.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { findSubsidyPolicy } from '../common/policy.ts';
import { iso } from '../common/schemas.ts';
import * as q from './queries.ts';
import type { ApplyBody, SubsidyApplicationView, TransitionBody } from './schemas.ts';

// Only an institution in operation with a filed version applies (托育机构登记和备案办法（试行）).
const FILED = new Set(['filed', 'submitted', 'under_review', 'returned']);

/** The roles the caller holds for this application: its institution's director, its district's or the city's official. */
function rolesFor(scope: Scope, a: { institution_id: string; district_code: string }): Role[] {
  const roles = new Set<Role>(
    scope.grants.flatMap((g) => {
      if (g.role === 'institution_admin' && g.institutionId === a.institution_id) return ['institution_admin' as const];
      if (g.role === 'district_official' && g.divisionCode && a.district_code.startsWith(g.divisionCode.slice(0, 6)))
        return ['district_official' as const];
      if (g.role === 'city_official') return ['city_official' as const];
      return [];
    }),
  );
  return [...roles];
}

async function present(deps: Deps, scope: Scope, rows: q.ApplicationRow[]): Promise<SubsidyApplicationView[]> {
  const ids = rows.map((r) => r.id);
  const [events, files] = await Promise.all([q.findEvents(deps.db, ids), q.findFiles(deps.db, ids)]);
  return rows.map((a) => ({
    id: a.id,
    institutionId: a.institution_id,
    institutionName: a.institution_name,
    districtCode: a.district_code,
    kind: a.kind as SubsidyKind,
    periodFrom: a.period_from,
    periodTo: a.period_to,
    details: (typeof a.details === 'string' ? JSON.parse(a.details) : a.details) as SubsidyApplicationView['details'],
    description: a.description,
    requestedFen: a.requested_fen,
    suggestedFen: a.suggested_fen,
    approvedFen: a.approved_fen,
    status: a.status as ApplicationStatus,
    allowedActions: allowedActions(a.status as ApplicationStatus, rolesFor(scope, a)),
    submittedAt: new Date(a.submitted_at).toISOString(),
    events: events
      .filter((e) => e.application_id === a.id)
      .map((e) => ({
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        actorName: e.actor_name,
        note: e.note,
        amountFen: e.amount_fen,
        at: new Date(e.at).toISOString(),
      })),
    files: files
      .filter((f) => f.application_id === a.id)
      .map((f) => ({
        id: f.id,
        filename: f.filename,
        contentType: f.content_type,
        sizeBytes: f.size_bytes,
        createdAt: new Date(f.created_at).toISOString(),
      })),
  }));
}

export async function getApplication(deps: Deps, scope: Scope, id: string) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  return (await present(deps, scope, [row]))[0] as SubsidyApplicationView;
}

export async function listApplications(deps: Deps, scope: Scope, f: { institutionId?: string; status?: string; kind?: string }) {
  if (f.institutionId && !scope.cityWide && !scope.institutionIds.includes(f.institutionId) && scope.divisionCodes.length === 0)
    throw new AppError('NOT_FOUND');
  return present(deps, scope, await q.findApplications(deps.db, scope, f));
}

/** A director applies for their filed institution; the district bureau of its district reviews first. */
export async function applyForSubsidy(deps: Deps, scope: Scope, institutionId: string, input: ApplyBody, context: AuditContext) {
  if (!scope.institutionIds.includes(institutionId)) throw new AppError('NOT_FOUND');
  const institution = await deps.db
    .selectFrom('institutions')
    .select(['id', 'status', 'division_code'])
    .where('id', '=', institutionId)
    .executeTakeFirst();
  if (!institution) throw new AppError('NOT_FOUND');
  if (!FILED.has(institution.status)) throw new AppError('REQUIRES_FILED_INSTITUTION');
  const now = deps.clock.now();
  if (input.kind === 'new_place') {
    const designations = await deps.db
      .selectFrom('institution_designations')
      .selectAll()
      .where('institution_id', '=', institutionId)
      .execute();
    const terms = designations.map((d) => ({
      kind: d.kind as 'inclusive',
      level: null,
      validFrom: d.valid_from,
      validTo: d.valid_to,
      revokedOn: d.revoked_on,
    }));
    // The per-place subsidy is for new inclusive (普惠) places.
    if (!currentInclusive(terms, todayInShanghai(now))) throw fieldError('body.kind', 'subsidy.inclusiveOnly');
  }
  const rates = (await findSubsidyPolicy(deps.db)).institutionSubsidyRates;
  const id = randomUUID();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('institution_subsidy_applications')
      .values({
        id,
        institution_id: institutionId,
        district_code: institution.division_code.slice(0, 6),
        kind: input.kind,
        period_from: input.periodFrom,
        period_to: input.periodTo,
        details: JSON.stringify(input.details),
        description: input.description,
        requested_fen: input.requestedFen,
        suggested_fen: suggestedAmount(input.kind, input.details, rates),
        submitted_at: now,
        submitted_by: scope.actor.userId,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('institution_subsidy_events')
      .values({ application_id: id, action: 'submit', from_status: null, to_status: 'submitted', actor_id: scope.actor.userId, at: now })
      .execute();
    await appendAudit(
      trx,
      context,
      {
        action: 'subsidy_application.submit',
        entityType: 'institution',
        entityId: institutionId,
        detail: { applicationId: id, kind: input.kind, requestedFen: input.requestedFen },
      },
      now,
    );
  });
  return getApplication(deps, scope, id);
}

/**
 * One step of the review (src/domain/subsidies/institutionSubsidies.ts): refused with 403 when
 * the caller's role does not take that step, 409 with the allowed actions when the status does
 * not offer it. The application row is locked, so two reviewers cannot both decide.
 */
export async function transition(deps: Deps, scope: Scope, id: string, input: TransitionBody, context: AuditContext) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  const roles = rolesFor(scope, row);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const a = await q.lockApplication(trx, id);
    if (!a) throw new AppError('NOT_FOUND');
    const status = a.status as ApplicationStatus;
    const step = stepOf(status, input.action);
    if (step && !roles.includes(step.by)) throw new AppError('FORBIDDEN');
    if (!step) {
      const allowed = allowedActions(status, roles);
      throw new AppError(
        'SUBSIDY_ACTION_NOT_ALLOWED',
        { status, action: input.action, allowed: allowed.join(', ') || '—' },
        { status, action: input.action, allowed },
      );
    }
    if (input.action === 'city_approve' && input.amountFen === undefined) throw fieldError('body.amountFen', 'subsidy.amountRequired');
    if ((input.action === 'district_return' || input.action === 'city_return') && !input.note)
      throw fieldError('body.note', 'reason.required');
    const resubmitted = input.action === 'resubmit';
    const details = resubmitted && input.details ? input.details : undefined;
    const rates = (await findSubsidyPolicy(trx)).institutionSubsidyRates;
    await trx
      .updateTable('institution_subsidy_applications')
      .set({
        status: step.to,
        updated_at: now,
        ...(input.action === 'city_approve' ? { approved_fen: input.amountFen } : {}),
        ...(details ? { details: JSON.stringify(details), suggested_fen: suggestedAmount(a.kind as SubsidyKind, details, rates) } : {}),
        ...(resubmitted && input.requestedFen !== undefined ? { requested_fen: input.requestedFen } : {}),
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('institution_subsidy_events')
      .values({
        application_id: id,
        action: input.action,
        from_status: status,
        to_status: step.to,
        actor_id: scope.actor.userId,
        note: input.note ?? null,
        amount_fen: input.amountFen ?? null,
        at: now,
      })
      .execute();
    await appendAudit(
      trx,
      context,
      {
        action: `subsidy_application.${input.action}`,
        entityType: 'institution',
        entityId: a.institution_id,
        detail: { applicationId: id, from: status, to: step.to, amountFen: input.amountFen, note: input.note },
      },
      now,
    );
  });
  return getApplication(deps, scope, id);
}

export const ALLOWED_UPLOADS = UPLOAD_TYPES;

/** A supporting document, by its director, while the application can still change (not approved or withdrawn). */
export async function addDocument(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  id: string,
  upload: { filename: string; data: Buffer },
  context: AuditContext,
) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row || !scope.institutionIds.includes(row.institution_id)) throw new AppError('NOT_FOUND');
  if (row.status === 'approved' || row.status === 'withdrawn')
    throw new AppError('SUBSIDY_ACTION_NOT_ALLOWED', { status: row.status, action: 'upload', allowed: '—' });
  if (upload.data.length === 0) throw new AppError('FILE_MISSING');
  const contentType = detectContentType(upload.data);
  if (!contentType) throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: UPLOAD_TYPES.map((t) => LABELS[t]).join(', ') });
  const fileId = randomUUID();
  const key = `subsidy-applications/${id}/${fileId}`;
  const now = deps.clock.now();
  await storage.put(key, upload.data);
  try {
    await deps.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('institution_subsidy_files')
        .values({
          id: fileId,
          application_id: id,
          filename: cleanFilename(upload.filename),
          content_type: contentType,
          size_bytes: upload.data.length,
          sha256: createHash('sha256').update(upload.data).digest('hex'),
          storage_key: key,
          uploaded_by: scope.actor.userId,
          created_at: now,
        })
        .execute();
      await appendAudit(
        trx,
        context,
        {
          action: 'subsidy_application.upload',
          entityType: 'institution',
          entityId: row.institution_id,
          detail: { applicationId: id, fileId, contentType },
        },
        now,
      );
    });
  } catch (err) {
    await storage.remove(key);
    throw err;
  }
  return getApplication(deps, scope, id);
}

export async function readDocument(deps: Deps, storage: FileStorage, scope: Scope, id: string, fileId: string) {
  const [row] = await q.findApplications(deps.db, scope, { ids: [id] });
  if (!row) throw new AppError('NOT_FOUND');
  const file = (await q.findFiles(deps.db, [id])).find((f) => f.id === fileId);
  const data = file ? await storage.get(file.storage_key) : undefined;
  if (!file || !data) throw new AppError('NOT_FOUND');
  return { data, contentType: file.content_type, filename: file.filename, at: iso(file.created_at) };
}
