import type { z } from 'zod';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { checklistScore } from '../../../../domain/supervision/checklist.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import type { ValidationMessageKey } from '../../../platform/errors/validationMessages.ts';
import type { FileStorage } from '../../../platform/files/storage.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { findInstitutionNames } from '../../institutions/index.ts';
import { checkPhotos, withStoredPhotos } from '../photos.ts';
import { assertDistrict, mayActForDistrict, mayReadInspection } from './access.ts';
import { presentRectifications, presentSummaries } from './presenters.ts';
import {
  findInspection,
  findInspectionsIn,
  findItemPhoto,
  findItemPhotos,
  findItems,
  insertItemPhotos,
  insertItems,
  insertRectification,
  lockInspection,
  recordInspection,
  selectRectifications,
} from './queries.ts';
import type { InspectionListQuery, ResultsBody } from './schemas.ts';
import { findInspectionSettings } from './settings.ts';

async function inspectionInScope(deps: Deps, scope: Scope, id: string) {
  const row = await findInspection(deps.db, id, todayInShanghai(deps.clock.now()));
  if (!row || !mayReadInspection(scope, row)) throw new AppError('NOT_FOUND');
  return row;
}

/** The director acts on the rectifications of their institution; the district decides on them. */
export function partiesOf(scope: Scope, row: { institution_id: string; district_code: string }) {
  return [
    ...(scope.institutionIds.includes(row.institution_id) ? (['director'] as const) : []),
    ...(mayActForDistrict(scope, row.district_code) ? (['inspector'] as const) : []),
  ];
}

export async function getInspection(deps: Deps, scope: Scope, id: string) {
  const row = await inspectionInScope(deps, scope, id);
  const [summary] = await presentSummaries(deps.db, [row]);
  const { items: checklist } = await findInspectionSettings(deps.db);
  const items = await findItems(deps.db, [id]);
  const photos = await findItemPhotos(deps.db, id);
  const rectifications = await selectRectifications(deps.db).where('x.inspection_id', '=', id).execute();
  const byKey = new Map(checklist.map((c, i) => [c.key, i]));
  items.sort((a, b) => (byKey.get(a.item_key) ?? 99) - (byKey.get(b.item_key) ?? 99));
  return {
    ...(summary as NonNullable<typeof summary>),
    summary: row.summary,
    score: row.score,
    mayRecord: row.recorded_at === null && mayActForDistrict(scope, row.district_code),
    checklist,
    items: items.map((i) => ({
      key: i.item_key,
      label: i.label,
      result: i.result as 'pass' | 'fail' | 'not_applicable',
      notes: i.notes,
      photoIds: photos.filter((p) => p.item_key === i.item_key).map((p) => p.id),
    })),
    rectifications: await presentRectifications(deps.db, rectifications, (r) => partiesOf(scope, r), todayInShanghai(deps.clock.now())),
  };
}

/**
 * A district's inspections for its officials (every district's for the city, by its code); the
 * director's own institution's otherwise. Filtered by result and by open or overdue rectifications.
 */
export async function listInspections(deps: Deps, scope: Scope, query: z.infer<typeof InspectionListQuery>) {
  const { divisionCode, ...filter } = query;
  const today = todayInShanghai(deps.clock.now());
  if (divisionCode !== undefined) {
    assertDistrict(scope, divisionCode);
    return presentSummaries(deps.db, await findInspectionsIn(deps.db, { divisionCode }, today, filter));
  }
  const [institutionId] = scope.institutionIds;
  if (institutionId === undefined) throw new AppError('NOT_FOUND');
  return presentSummaries(deps.db, await findInspectionsIn(deps.db, { institutionId }, today, filter));
}

/** A photo of a failed item, for whoever may read the inspection: never the public. */
export async function readItemPhoto(deps: Deps, storage: FileStorage, scope: Scope, id: string, photoId: string) {
  await inspectionInScope(deps, scope, id);
  const photo = await findItemPhoto(deps.db, id, photoId);
  const data = photo && (await storage.get(photo.storage_key));
  if (!photo || !data) throw new AppError('NOT_FOUND');
  return { contentType: photo.content_type, data };
}

function checkItems(body: z.infer<typeof ResultsBody>, checklist: { key: string }[], today: string) {
  const issues: { path: string; messageKey: ValidationMessageKey }[] = [];
  const known = new Set(checklist.map((c) => c.key));
  if (body.inspectedOn > today) issues.push({ path: 'body.inspectedOn', messageKey: 'inspection.inspectedOnFuture' });
  body.items.forEach((item, i) => {
    if (!known.has(item.key)) issues.push({ path: `body.items.${i}.key`, messageKey: 'inspection.unknownItem' });
    if (item.deadline !== undefined && item.deadline <= body.inspectedOn)
      issues.push({ path: `body.items.${i}.deadline`, messageKey: 'inspection.deadlinePast' });
  });
  const given = new Set(body.items.map((i) => i.key));
  if (checklist.some((c) => !given.has(c.key))) issues.push({ path: 'body.items', messageKey: 'inspection.missingItems' });
  if (issues.length > 0) throw new AppError('VALIDATION_FAILED', {}, issues);
}

/**
 * Records an inspection once: a result per checklist item, the overall result, and for each
 * failure a rectification with its requirement and deadline. The director hears of it in the same transaction.
 */
export async function recordResults(
  deps: Deps,
  storage: FileStorage,
  scope: Scope,
  context: AuditContext,
  id: string,
  body: z.infer<typeof ResultsBody>,
) {
  const row = await inspectionInScope(deps, scope, id);
  if (!mayActForDistrict(scope, row.district_code)) throw new AppError('FORBIDDEN');
  const { items: checklist } = await findInspectionSettings(deps.db);
  const now = deps.clock.now();
  checkItems(body, checklist, todayInShanghai(now));
  const photos = body.items.flatMap((item, i) =>
    checkPhotos(
      (item.photos ?? []).map((encoded, j) => ({ encoded, path: `body.items.${i}.photos.${j}` })),
      'inspections',
      'inspection.photo',
    ).map((photo) => ({ ...photo, itemKey: item.key })),
  );
  const labels = new Map(checklist.map((c) => [c.key, c.zh]));
  const institution = (await findInstitutionNames(deps.db, [row.institution_id])).get(row.institution_id);
  await withStoredPhotos(storage, photos, () =>
    deps.db.transaction().execute(async (trx) => {
      const locked = await lockInspection(trx, id);
      if (locked?.recorded_at !== null) throw new AppError('INSPECTION_ALREADY_RECORDED');
      await recordInspection(trx, id, {
        overall: body.overall,
        score: checklistScore(body.items, checklist),
        inspected_on: body.inspectedOn,
        summary: body.summary ?? null,
        recorded_by: scope.actor.userId,
        recorded_at: now,
      });
      await insertItems(
        trx,
        body.items.map((i) => ({
          inspection_id: id,
          item_key: i.key,
          label: labels.get(i.key) ?? i.key,
          result: i.result,
          notes: i.notes,
        })),
      );
      await insertItemPhotos(
        trx,
        photos.map((p) => ({
          inspection_id: id,
          item_key: p.itemKey,
          storage_key: p.key,
          content_type: p.contentType,
          size_bytes: p.size,
          created_at: now,
        })),
      );
      const failures = body.items.filter((i) => i.result === 'fail');
      for (const f of failures) {
        await insertRectification(trx, {
          inspection_id: id,
          institution_id: row.institution_id,
          item_key: f.key,
          requirement: f.requirement as string,
          deadline: f.deadline as string,
          created_at: now,
        });
      }
      const detail = { ...body, items: body.items.map(({ photos: taken, ...i }) => ({ ...i, photos: taken?.length ?? 0 })) };
      await appendAudit(trx, context, { action: 'inspection.results.record', entityType: 'inspection', entityId: id, detail }, now);
      const directors = await findRoleHolders(trx, { role: 'institution_admin', institutionId: row.institution_id });
      await notify(
        trx,
        directors,
        {
          kind: 'supervision.inspection_recorded',
          params: { institution: institution?.name ?? '', date: body.inspectedOn, failures: String(failures.length) },
          link: `/institution/inspections/${id}`,
        },
        now,
      );
    }),
  );
  return getInspection(deps, scope, id);
}
