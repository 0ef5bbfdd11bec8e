import type { Insertable, Updateable } from 'kysely';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

export function findInspectors(db: Db, districtCode: string) {
  return db
    .selectFrom('inspectors')
    .select(['id', 'name', 'user_id', 'active'])
    .where('district_code', '=', districtCode)
    .orderBy('name')
    .orderBy('id')
    .execute();
}

export function findInspector(db: Db, id: string) {
  return db.selectFrom('inspectors').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertInspector(db: Db, values: Insertable<DB['inspectors']>) {
  return db.insertInto('inspectors').values(values).returningAll().executeTakeFirstOrThrow();
}

export function setInspectorActive(db: Db, id: string, active: boolean) {
  return db.updateTable('inspectors').set({ active }).where('id', '=', id).execute();
}

export function findConflicts(db: Db, inspectorIds: readonly string[]) {
  if (inspectorIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspector_conflicts')
    .select(['inspector_id', 'institution_id', 'reason'])
    .where('inspector_id', 'in', [...inspectorIds])
    .orderBy('inspector_id')
    .orderBy('institution_id')
    .execute();
}

export function upsertConflict(db: Db, values: Insertable<DB['inspector_conflicts']>) {
  return db
    .insertInto('inspector_conflicts')
    .values(values)
    .onConflict((oc) => oc.columns(['inspector_id', 'institution_id']).doUpdateSet({ reason: values.reason }))
    .execute();
}

export function insertRound(db: Db, values: Insertable<DB['inspection_rounds']>) {
  return db.insertInto('inspection_rounds').values(values).returning('id').executeTakeFirstOrThrow();
}

export function findRound(db: Db, id: string) {
  return db.selectFrom('inspection_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A district's rounds, or every district's by the city's code. */
export function findRounds(db: Db, districtCode: string) {
  return db
    .selectFrom('inspection_rounds as r')
    .selectAll('r')
    .select((eb) =>
      eb.selectFrom('inspections as i').whereRef('i.round_id', '=', 'r.id').select(eb.fn.countAll<string>().as('n')).as('inspection_count'),
    )
    .where('r.district_code', 'like', `${divisionPrefix(districtCode)}%`)
    .orderBy('r.drawn_at', 'desc')
    .limit(100)
    .execute();
}

export async function insertInspection(db: Db, values: Insertable<DB['inspections']>, inspectorIds: readonly string[]) {
  const row = await db.insertInto('inspections').values(values).returning('id').executeTakeFirstOrThrow();
  await db
    .insertInto('inspection_inspectors')
    .values(inspectorIds.map((inspector_id) => ({ inspection_id: row.id, inspector_id })))
    .execute();
  return row.id;
}

/** Inspections with their round's district and kind, newest round first, in draw order; `today` decides what is overdue. */
function selectInspections(db: Db, today: string) {
  return db
    .selectFrom('inspections as i')
    .innerJoin('inspection_rounds as r', 'r.id', 'i.round_id')
    .select([
      'i.id',
      'i.round_id',
      'i.institution_id',
      'i.overall',
      'i.score',
      'i.inspected_on',
      'i.summary',
      'i.recorded_at',
      'i.complaint_id',
      'r.district_code',
      'r.kind',
      'r.period_start',
    ])
    .select((eb) =>
      eb
        .selectFrom('rectifications as x')
        .whereRef('x.inspection_id', '=', 'i.id')
        .where('x.status', '<>', 'accepted')
        .select(eb.fn.countAll<string>().as('n'))
        .as('open_rectifications'),
    )
    .select((eb) =>
      eb
        .selectFrom('rectifications as x')
        .whereRef('x.inspection_id', '=', 'i.id')
        .where('x.status', '<>', 'accepted')
        .where('x.deadline', '<', today)
        .select(eb.fn.countAll<string>().as('n'))
        .as('overdue_rectifications'),
    )
    .orderBy('r.drawn_at', 'desc')
    .orderBy('i.position');
}
export type InspectionRow = Awaited<ReturnType<ReturnType<typeof selectInspections>['execute']>>[number];

export function findInspectionsOfRound(db: Db, roundId: string, today: string) {
  return selectInspections(db, today).where('i.round_id', '=', roundId).execute();
}

export type InspectionFilter = { result?: 'pending' | 'pass' | 'rectify' | 'fail'; rectifications?: 'open' | 'overdue' };

/** A district's (or, by the city's code, every district's) inspections, or one institution's, filtered. */
export function findInspectionsIn(
  db: Db,
  where: { divisionCode: string } | { institutionId: string },
  today: string,
  filter: InspectionFilter = {},
) {
  let q = selectInspections(db, today);
  q =
    'divisionCode' in where
      ? q.where('r.district_code', 'like', `${divisionPrefix(where.divisionCode)}%`)
      : q.where('i.institution_id', '=', where.institutionId);
  if (filter.result === 'pending') q = q.where('i.overall', 'is', null);
  else if (filter.result) q = q.where('i.overall', '=', filter.result);
  if (filter.rectifications)
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('rectifications as x')
          .select('x.id')
          .whereRef('x.inspection_id', '=', 'i.id')
          .where('x.status', '<>', 'accepted')
          .$if(filter.rectifications === 'overdue', (sq) => sq.where('x.deadline', '<', today)),
      ),
    );
  return q.limit(500).execute();
}

export function findInspection(db: Db, id: string, today: string) {
  return selectInspections(db, today).where('i.id', '=', id).executeTakeFirst();
}

/** The inspection a complaint led to, if any. */
export function findInspectionsOfComplaints(db: Db, complaintIds: readonly string[]) {
  if (complaintIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspections as i')
    .select(['i.id', 'i.complaint_id', 'i.overall', 'i.inspected_on'])
    .where('i.complaint_id', 'in', [...complaintIds])
    .execute();
}

export function lockInspection(db: Db, id: string) {
  return db.selectFrom('inspections').select(['id', 'recorded_at']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findInspectorsOf(db: Db, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return [];
  return db
    .selectFrom('inspection_inspectors as ii')
    .innerJoin('inspectors as p', 'p.id', 'ii.inspector_id')
    .select(['ii.inspection_id', 'p.id', 'p.name', 'p.user_id'])
    .where('ii.inspection_id', 'in', [...inspectionIds])
    .orderBy('p.name')
    .orderBy('p.id')
    .execute();
}

export function insertItemPhotos(db: Db, rows: Insertable<DB['inspection_item_photos']>[]) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('inspection_item_photos').values(rows).execute();
}

export function findItemPhotos(db: Db, inspectionId: string) {
  return db
    .selectFrom('inspection_item_photos')
    .select(['id', 'item_key'])
    .where('inspection_id', '=', inspectionId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function findItemPhoto(db: Db, inspectionId: string, photoId: string) {
  return db
    .selectFrom('inspection_item_photos')
    .select(['storage_key', 'content_type'])
    .where('inspection_id', '=', inspectionId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

export function findItems(db: Db, inspectionIds: readonly string[]) {
  if (inspectionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('inspection_items')
    .selectAll()
    .where('inspection_id', 'in', [...inspectionIds])
    .execute();
}

export function recordInspection(db: Db, id: string, values: Updateable<DB['inspections']>) {
  return db.updateTable('inspections').set(values).where('id', '=', id).execute();
}

export function insertItems(db: Db, rows: Insertable<DB['inspection_items']>[]) {
  return db.insertInto('inspection_items').values(rows).execute();
}

export function insertRectification(db: Db, values: Insertable<DB['rectifications']>) {
  return db.insertInto('rectifications').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Rectifications with their inspection's district and the failed item's words. */
export function selectRectifications(db: Db) {
  return db
    .selectFrom('rectifications as x')
    .innerJoin('inspections as i', 'i.id', 'x.inspection_id')
    .innerJoin('inspection_rounds as r', 'r.id', 'i.round_id')
    .innerJoin('inspection_items as it', (j) => j.onRef('it.inspection_id', '=', 'x.inspection_id').onRef('it.item_key', '=', 'x.item_key'))
    .select([
      'x.id',
      'x.inspection_id',
      'x.institution_id',
      'x.item_key',
      'it.label as item_label',
      'x.requirement',
      'x.deadline',
      'x.status',
      'x.rejection_reason',
      'r.district_code',
    ])
    .orderBy('x.deadline')
    .orderBy('x.id');
}
export type RectificationRow = Awaited<ReturnType<ReturnType<typeof selectRectifications>['execute']>>[number];

export function findRectification(db: Db, id: string) {
  return selectRectifications(db).where('x.id', '=', id).executeTakeFirst();
}

export function lockRectification(db: Db, id: string) {
  return db.selectFrom('rectifications').select(['id', 'status']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export function updateRectification(db: Db, id: string, values: Updateable<DB['rectifications']>) {
  return db.updateTable('rectifications').set(values).where('id', '=', id).execute();
}

export function insertEvidence(db: Db, values: Insertable<DB['rectification_evidence']>) {
  return db.insertInto('rectification_evidence').values(values).returning('id').executeTakeFirstOrThrow();
}

export function findEvidence(db: Db, rectificationIds: readonly string[]) {
  if (rectificationIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('rectification_evidence')
    .select(['id', 'rectification_id', 'text', 'storage_key', 'content_type', 'submitted_at'])
    .where('rectification_id', 'in', [...rectificationIds])
    .orderBy('submitted_at')
    .execute();
}

export function findEvidenceFile(db: Db, rectificationId: string, evidenceId: string) {
  return db
    .selectFrom('rectification_evidence')
    .select(['storage_key', 'content_type'])
    .where('id', '=', evidenceId)
    .where('rectification_id', '=', rectificationId)
    .executeTakeFirst();
}

/** Not accepted, deadline passed: per district, for the district's list, the daily notice and the dashboard. */
export function findOverdue(db: Db, today: string, districtCode?: string) {
  let q = selectRectifications(db).where('x.status', '<>', 'accepted').where('x.deadline', '<', today);
  if (districtCode) q = q.where('r.district_code', '=', districtCode);
  return q.execute();
}

/**
 * Institutions with a rectification not yet accepted (the partial index rectifications_open_idx):
 * all of them for the public search's "no open rectification", or those `among` the ids asked about.
 */
export async function findWithOpenRectifications(db: Db, among?: readonly string[]): Promise<Set<string>> {
  if (among?.length === 0) return new Set();
  let query = db.selectFrom('rectifications').select('institution_id').distinct().where('status', '<>', 'accepted');
  if (among) query = query.where('institution_id', 'in', [...among]);
  const rows = await query.execute();
  return new Set(rows.map((r) => r.institution_id));
}

/** Recorded inspections of an institution with their failed items, for its public page. */
export function findPublicHistory(db: Db, institutionId: string) {
  return db
    .selectFrom('inspections as i')
    .select(['i.id', 'i.inspected_on', 'i.overall'])
    .where('i.institution_id', '=', institutionId)
    .where('i.recorded_at', 'is not', null)
    .orderBy('i.inspected_on', 'desc')
    .execute();
}

/** Each institution's latest recorded inspection (day and overall result), for the public search and profile. */
export function findLatestRecorded(db: Db, institutionIds: readonly string[]) {
  return db
    .selectFrom('inspections')
    .distinctOn('institution_id')
    .select(['institution_id', 'inspected_on', 'overall'])
    .where('institution_id', 'in', [...institutionIds])
    .where('recorded_at', 'is not', null)
    .orderBy('institution_id')
    .orderBy('inspected_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .execute();
}

/** A round's inspections in draw order with their inspectors, as stored, for re-running the draw. */
export async function findInspections(db: Db, roundId: string) {
  const rows = await db
    .selectFrom('inspections')
    .select(['id', 'institution_id'])
    .where('round_id', '=', roundId)
    .orderBy('position')
    .execute();
  const inspectors = await findInspectorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, inspector_ids: inspectors.filter((i) => i.inspection_id === r.id).map((i) => i.id) }));
}
