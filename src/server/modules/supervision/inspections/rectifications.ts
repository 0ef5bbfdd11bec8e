import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import { type RectificationAction, type RectificationStatus, RectificationWorkflow } from '../../../../domain/supervision/checklist.ts';
import type { Db } from '../../../db/executor.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { detectContentType } from '../../../platform/files/contentType.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { actionNotAllowed } from '../../../platform/workflow/refusal.ts';
import { findInstitutionNames } from '../../institutions/index.ts';
import { assertDistrict, mayReadInspection } from './access.ts';
import { presentRectifications } from './presenters.ts';
import {
  findEvidenceFile,
  findOverdue,
  findRectification,
  insertEvidence,
  lockRectification,
  type RectificationRow,
  selectRectifications,
  updateRectification,
} from './queries.ts';
import { partiesOf } from './results.ts';
import type { DecisionBody, RectificationQuery } from './schemas.ts';

export const MAX_PHOTO_BYTES = 10 * 1024 * 1024;

async function rectificationInScope(deps: Deps, scope: Scope, id: string) {
  const row = await findRectification(deps.db, id);
  if (!row || !mayReadInspection(scope, row)) throw new AppError('NOT_FOUND');
  return row;
}

async function present(deps: Deps, scope: Scope, rows: RectificationRow[]) {
  return presentRectifications(deps.db, rows, (r) => partiesOf(scope, r), todayInShanghai(deps.clock.now()));
}

/** The district's rectifications (or only the overdue ones) for officials; the director's own institution's otherwise. */
export async function listRectifications(deps: Deps, scope: Scope, query: z.infer<typeof RectificationQuery>) {
  const today = todayInShanghai(deps.clock.now());
  let q = selectRectifications(deps.db);
  if (query.divisionCode !== undefined) {
    assertDistrict(scope, query.divisionCode);
    // A city asks for all its districts' rectifications, a district for its own.
    q = q.where('r.district_code', 'like', `${divisionPrefix(query.divisionCode)}%`);
  } else {
    const [institutionId] = scope.institutionIds;
    if (institutionId === undefined) throw new AppError('NOT_FOUND');
    q = q.where('x.institution_id', '=', institutionId);
  }
  if (query.overdue === 'true') q = q.where('x.status', '<>', 'accepted').where('x.deadline', '<', today);
  return present(deps, scope, await q.limit(500).execute());
}

function assertStep(row: { status: string }, action: RectificationAction, parties: readonly ('director' | 'inspector')[]) {
  const status = row.status as RectificationStatus;
  if (!RectificationWorkflow.mayEverTake(action, parties)) throw new AppError('FORBIDDEN');
  const step = RectificationWorkflow.step(status, action);
  if (!step?.by.some((p) => parties.includes(p)))
    throw actionNotAllowed('TRANSITION_NOT_ALLOWED', { status, action, allowed: RectificationWorkflow.allowedActions(status, parties) });
  return step;
}

type Evidence = { text: string; photo?: { data: Buffer } | undefined };

/** The director's evidence of rectification: text and optionally a photo, checked by its bytes. The district hears of it. */
export async function submitEvidence(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  context: AuditContext,
  id: string,
  evidence: Evidence,
) {
  const row = await rectificationInScope(deps, scope, id);
  const parties = partiesOf(scope, row);
  assertStep(row, 'submit', parties);
  let file: { key: string; contentType: string; size: number; sha256: string } | null = null;
  if (evidence.photo) {
    const contentType = detectContentType(evidence.photo.data);
    if (contentType !== 'image/jpeg' && contentType !== 'image/png') throw new AppError('FILE_TYPE_NOT_ALLOWED', { allowed: 'JPEG, PNG' });
    file = {
      key: `rectifications/${id}/${randomUUID()}`,
      contentType,
      size: evidence.photo.data.length,
      sha256: createHash('sha256').update(evidence.photo.data).digest('hex'),
    };
    await storage.put(file.key, evidence.photo.data);
  }
  const now = deps.clock.now();
  const institution = (await findInstitutionNames(deps.db, [row.institution_id])).get(row.institution_id);
  try {
    await deps.db.transaction().execute(async (trx) => {
      const locked = await lockRectification(trx, id);
      const step = assertStep(locked ?? row, 'submit', parties);
      await insertEvidence(trx, {
        rectification_id: id,
        text: evidence.text,
        storage_key: file?.key ?? null,
        content_type: file?.contentType ?? null,
        size_bytes: file?.size ?? null,
        sha256: file?.sha256 ?? null,
        submitted_by: scope.actor.userId,
        submitted_at: now,
      });
      await updateRectification(trx, id, { status: step.to });
      await appendAudit(
        trx,
        context,
        {
          action: 'rectification.submit',
          entityType: 'rectification',
          entityId: id,
          detail: { text: evidence.text, photo: file?.sha256 ?? null },
        },
        now,
      );
      const officials = await findRoleHolders(trx, { role: 'district_official', withinDivision: row.district_code });
      await notify(
        trx,
        officials,
        {
          kind: 'supervision.evidence_submitted',
          params: { institution: institution?.name ?? '', item: row.item_label },
          link: `/official/inspections/${row.inspection_id}`,
        },
        now,
      );
    });
  } catch (error) {
    if (file) await storage.remove(file.key);
    throw error;
  }
  return (await present(deps, scope, [await findRectificationOrThrow(deps, id)]))[0];
}

async function findRectificationOrThrow(deps: Deps, id: string) {
  const row = await findRectification(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** The district accepts the evidence (closed) or sends it back with a reason (open again); the director hears either way. */
export async function decide(deps: Deps, scope: Scope, context: AuditContext, id: string, body: z.infer<typeof DecisionBody>) {
  const row = await rectificationInScope(deps, scope, id);
  const parties = partiesOf(scope, row);
  assertStep(row, body.action, parties);
  const now = deps.clock.now();
  const institution = (await findInstitutionNames(deps.db, [row.institution_id])).get(row.institution_id);
  await deps.db.transaction().execute(async (trx) => {
    const locked = await lockRectification(trx, id);
    const step = assertStep(locked ?? row, body.action, parties);
    await updateRectification(trx, id, {
      status: step.to,
      rejection_reason: body.action === 'reject' ? (body.reason ?? null) : null,
      decided_by: scope.actor.userId,
      decided_at: now,
    });
    await appendAudit(
      trx,
      context,
      { action: `rectification.${body.action}`, entityType: 'rectification', entityId: id, detail: body },
      now,
    );
    const directors = await findRoleHolders(trx, { role: 'institution_admin', institutionId: row.institution_id });
    await notify(
      trx,
      directors,
      {
        kind: body.action === 'accept' ? 'supervision.rectification_accepted' : 'supervision.rectification_rejected',
        params: { institution: institution?.name ?? '', item: row.item_label, reason: body.reason ?? '' },
        link: `/institution/inspections/${row.inspection_id}`,
      },
      now,
    );
  });
  return (await present(deps, scope, [await findRectificationOrThrow(deps, id)]))[0];
}

export async function readEvidencePhoto(deps: Deps, storage: FileStorage, scope: Scope, id: string, evidenceId: string) {
  await rectificationInScope(deps, scope, id);
  const file = await findEvidenceFile(deps.db, id, evidenceId);
  if (!file?.storage_key || !file.content_type) throw new AppError('NOT_FOUND');
  const data = await storage.get(file.storage_key);
  if (!data) throw new AppError('NOT_FOUND');
  return { contentType: file.content_type, data };
}

/** Overdue rectifications, for the oversight dashboard: the city's, or one district's. */
export async function countOverdueRectifications(db: Db, today: string, districtCode?: string): Promise<number> {
  return (await findOverdue(db, today, districtCode)).length;
}

/** Tells each district's officials, once a day, of every rectification past its deadline and not accepted. */
export async function flagOverdueRectifications(deps: Deps) {
  const now = deps.clock.now();
  const today = todayInShanghai(now);
  const overdue = await findOverdue(deps.db, today);
  if (overdue.length === 0) return;
  const names = await findInstitutionNames(
    deps.db,
    overdue.map((r) => r.institution_id),
  );
  await deps.db.transaction().execute(async (trx) => {
    for (const r of overdue) {
      const officials = await findRoleHolders(trx, { role: 'district_official', withinDivision: r.district_code });
      const told = await notify(
        trx,
        officials,
        {
          kind: 'supervision.rectification_overdue',
          params: { institution: names.get(r.institution_id)?.name ?? '', item: r.item_label, deadline: r.deadline },
          link: `/official/inspections/${r.inspection_id}`,
          dedupeKey: `${r.id}:${today}`,
        },
        now,
      );
      if (told.length > 0)
        await appendAudit(
          trx,
          SYSTEM_CONTEXT,
          { action: 'rectification.overdue_flagged', entityType: 'rectification', entityId: r.id, detail: { deadline: r.deadline } },
          now,
        );
    }
  });
}
