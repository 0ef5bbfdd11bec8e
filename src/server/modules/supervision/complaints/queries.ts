import type { Insertable, Updateable } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { ComplaintsTable } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope } from '../../../platform/access/visibility.ts';

const COLUMNS = [
  'c.id',
  'c.reference',
  'c.institution_id',
  'c.district_code',
  'c.category',
  'c.text',
  'c.complainant_user_id',
  'c.complainant_phone',
  'c.status',
  'c.submitted_at',
  'c.accept_due',
  'c.resolve_from',
  'c.resolve_due',
  'c.extended',
  'c.escalated',
  'c.answer',
  'c.upheld',
  'c.closed_at',
  'c.rating',
  'c.rating_comment',
] as const;

export type ComplaintRow = NonNullable<Awaited<ReturnType<typeof lockComplaint>>>;

/** The institution a complaint names: its status decides whether it can be complained about, its division where it goes. */
export function findInstitutionForComplaint(db: Db, institutionId: string) {
  return db.selectFrom('institutions').select(['id', 'name', 'status', 'division_code']).where('id', '=', institutionId).executeTakeFirst();
}

/** The district officials a new complaint is routed to. */
export async function findDistrictOfficials(db: Db, districtCode: string): Promise<string[]> {
  const rows = await db
    .selectFrom('user_roles')
    .select('user_id')
    .where('role', '=', 'district_official')
    .where('division_code', '=', districtCode)
    .execute();
  return rows.map((r) => r.user_id);
}

export function insertComplaint(db: Db, values: Insertable<ComplaintsTable>) {
  return db.insertInto('complaints').values(values).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

export async function insertPhotos(db: Db, complaintId: string, photos: { contentType: string; size: number; key: string }[], now: Date) {
  if (photos.length === 0) return;
  await db
    .insertInto('complaint_photos')
    .values(
      photos.map((p) => ({
        complaint_id: complaintId,
        content_type: p.contentType,
        size_bytes: p.size,
        storage_key: p.key,
        created_at: now,
      })),
    )
    .execute();
}

function listQuery(db: Db) {
  return db
    .selectFrom('complaints as c')
    .innerJoin('institutions as i', 'i.id', 'c.institution_id')
    .leftJoin('users as u', 'u.id', 'c.complainant_user_id')
    .select([...COLUMNS, 'i.name as institution_name', 'u.name as complainant_name'])
    .select((eb) =>
      eb
        .selectFrom('divisions as d')
        .select('d.name')
        .whereRef('d.code', '=', 'c.district_code')
        .orderBy('d.valid_from', 'desc')
        .limit(1)
        .as('district_name'),
    );
}

export type ComplaintListRow = Awaited<ReturnType<typeof findComplaints>>[number];

/** Whose complaints: an official's queue (their districts, or the city's all), or a complainant's own (by account or number). */
export type ComplaintFilter = { queue: Scope } | { own: { userId: string; phone: string } };

/** Complaints for the filter, newest first; at most 500, the queue of a city's busiest month. */
export function findComplaints(db: Db, filter: ComplaintFilter, status?: string) {
  let query = listQuery(db);
  if ('queue' in filter) query = query.where(divisionCodeInScope(filter.queue, 'c.district_code'));
  else {
    const { userId, phone } = filter.own;
    query = query.where((eb) => eb.or([eb('c.complainant_user_id', '=', userId), eb('c.complainant_phone', '=', phone)]));
  }
  if (status) query = query.where('c.status', '=', status);
  return query.orderBy('c.submitted_at', 'desc').orderBy('c.id').limit(500).execute();
}

export async function findHistory(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('complaint_transitions')
    .select(['complaint_id', 'action', 'note', 'acted_at'])
    .where('complaint_id', 'in', ids)
    .orderBy('acted_at')
    .orderBy('id')
    .execute();
}

export async function findPhotoIds(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('complaint_photos').select(['id', 'complaint_id']).where('complaint_id', 'in', ids).orderBy('created_at').execute();
}

export function findPhoto(db: Db, complaintId: string, photoId: string) {
  return db
    .selectFrom('complaint_photos')
    .select(['content_type', 'storage_key'])
    .where('complaint_id', '=', complaintId)
    .where('id', '=', photoId)
    .executeTakeFirst();
}

/** The complaint, locked for one transition or rating at a time. */
export function lockComplaint(db: Db, id: string) {
  return db.selectFrom('complaints as c').select(COLUMNS).where('c.id', '=', id).forUpdate().executeTakeFirst();
}

export function findComplaint(db: Db, id: string) {
  return listQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export async function updateComplaint(db: Db, id: string, values: Updateable<ComplaintsTable>) {
  await db.updateTable('complaints').set(values).where('id', '=', id).execute();
}

export async function insertTransition(
  db: Db,
  values: { complaintId: string; action: string; from: string; to: string; note: string | null; by: string; at: Date },
) {
  await db
    .insertInto('complaint_transitions')
    .values({
      complaint_id: values.complaintId,
      action: values.action,
      from_status: values.from,
      to_status: values.to,
      note: values.note,
      acted_by: values.by,
      acted_at: values.at,
    })
    .execute();
}

/** Upheld complaints per institution, resolved on or after `since`. */
export async function countUpheld(db: Db, institutionIds: string[], since: Date) {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('complaints')
    .select(['institution_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('institution_id', 'in', institutionIds)
    .where('status', '=', 'resolved')
    .where('upheld', '=', true)
    .where('closed_at', '>=', since)
    .groupBy('institution_id')
    .execute();
}

/** Complaints per institution of a district submitted on or after `since`, except those rejected as unfounded. */
export async function countForRisk(db: Db, institutionIds: readonly string[], since: Date) {
  if (institutionIds.length === 0) return [];
  return db
    .selectFrom('complaints')
    .select(['institution_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('institution_id', 'in', institutionIds)
    .where('submitted_at', '>=', since)
    .where('status', '<>', 'rejected')
    .groupBy('institution_id')
    .execute();
}
