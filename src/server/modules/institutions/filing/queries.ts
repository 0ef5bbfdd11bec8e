import { type Insertable, sql, type Updateable } from 'kysely';
import { todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import { formatReceiptNumber } from '../../../../domain/institutions/receiptNumber.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { institutionInScope } from '../common/queries.ts';

// Facts published at once, without review (see src/domain/institutions/keyFacts.ts).
const NON_KEY_COLUMNS = [
  'service_forms',
  'opens_at',
  'closes_at',
  'open_weekdays',
  'fee_infant_fen',
  'fee_toddler_fen',
  'fee_older_toddler_fen',
  'fee_mixed_fen',
  'contact_phone',
] as const;

const KEY_COLUMNS = [
  'name',
  'pinyin',
  'credit_code',
  'operator_type',
  'address',
  'division_code',
  'lat',
  'lng',
  'indoor_area_m2',
  'outdoor_area_m2',
  'serves_meals',
  'facilities',
  'description',
] as const;

// Name, pinyin without spaces and initials in one lower-case string: what a search keyword matches.
const SEARCH_TEXT = sql<string>`lower(i.name) || ' ' || replace(i.pinyin, ' ', '') || ' ' || i.initials`;

// The point on earthdistance's sphere, as ll_to_earth(lat, lng) computes it (migration 0015).
const POINT = sql`earth() * cos(radians(i.lat)) * cos(radians(i.lng)), earth() * cos(radians(i.lat)) * sin(radians(i.lng)), earth() * sin(radians(i.lat))`;

/**
 * Makes the working copy the filed version: the institution's facts go to filed_institutions
 * and each class's plan to its filed_* columns (archived classes leave the public plan).
 * Called when a filing is filed, inside its transaction.
 */
export async function publishFiledVersion(db: Db, institutionId: string, filingNumber: string, now: Date): Promise<void> {
  await publishFiledVersions(db, [{ institutionId, filingNumber, filedAt: now }], now);
}

/** publishFiledVersion for many institutions in two statements (demo and benchmark data). */
export async function publishFiledVersions(
  db: Db,
  filings: { institutionId: string; filingNumber: string; filedAt: Date }[],
  now: Date,
): Promise<void> {
  if (filings.length === 0) return;
  const columns = [...KEY_COLUMNS, ...NON_KEY_COLUMNS];
  const list = sql.join(columns.map((c) => sql.ref(c)));
  const values = sql.join(columns.map((c) => sql.ref(`i.${c}`)));
  const updates = sql.join(columns.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`));
  const ids = filings.map((f) => f.institutionId);
  await sql`
    insert into filed_institutions (institution_id, active, search_text, filing_number, filed_at, updated_at, x, y, z, ${list})
    select i.id, true, ${SEARCH_TEXT}, filing.number, filing.filed_at, ${now}, ${POINT}, ${values}
    from institutions i
    join unnest(${ids}::uuid[], ${filings.map((f) => f.filingNumber)}::text[], ${filings.map((f) => f.filedAt.toISOString())}::timestamptz[])
      as filing (id, number, filed_at) on filing.id = i.id
    on conflict (institution_id) do update set
      active = true, search_text = excluded.search_text, filing_number = excluded.filing_number,
      filed_at = excluded.filed_at, updated_at = excluded.updated_at, x = excluded.x, y = excluded.y, z = excluded.z, ${updates}
  `.execute(db);
  await db
    .updateTable('institution_classes')
    .set((eb) => ({
      filed_class_type: eb.case().when('archived_at', 'is', null).then(eb.ref('class_type')).else(null).end(),
      filed_name: eb.case().when('archived_at', 'is', null).then(eb.ref('name')).else(null).end(),
      filed_capacity: eb.case().when('archived_at', 'is', null).then(eb.ref('capacity')).else(null).end(),
    }))
    .where('institution_id', '=', sql<string>`any(${ids}::uuid[])`)
    .execute();
  await recordOperation(
    db,
    filings.map((f) => ({ institutionId: f.institutionId, date: todayInShanghai(f.filedAt), active: true })),
  );
}

/** Copies facts that need no review to the filed version, if there is one. */
export async function republishNonKeyFacts(db: Db, institutionId: string, now: Date): Promise<void> {
  const updates = sql.join(NON_KEY_COLUMNS.map((c) => sql`${sql.ref(c)} = i.${sql.ref(c)}`));
  await sql`
    update filed_institutions f set ${updates}, updated_at = ${now}
    from institutions i where i.id = f.institution_id and f.institution_id = ${institutionId}
  `.execute(db);
}

/**
 * Throws away unfiled changes of key facts: the working copy and the class plan go back to the
 * filed version. Classes added since are deleted; archived ones return.
 */
export async function restoreFiledVersion(db: Db, institutionId: string, initials: string, now: Date): Promise<void> {
  const updates = sql.join(KEY_COLUMNS.map((c) => sql`${sql.ref(c)} = f.${sql.ref(c)}`));
  await sql`
    update institutions i set ${updates}, initials = ${initials}, updated_at = ${now}
    from filed_institutions f where f.institution_id = i.id and i.id = ${institutionId}
  `.execute(db);
  await db
    .deleteFrom('institution_classes')
    .where('institution_id', '=', institutionId)
    .where('filed_capacity', 'is', null)
    .where('archived_at', 'is', null)
    .execute();
  await db
    .updateTable('institution_classes')
    .set({ class_type: sql`filed_class_type`, name: sql`filed_name`, capacity: sql`filed_capacity`, archived_at: null })
    .where('institution_id', '=', institutionId)
    .where('filed_capacity', 'is not', null)
    .execute();
}

/** Shows or hides the filed version (suspension, reinstatement, closure). */
export async function setFiledActive(db: Db, institutionId: string, active: boolean, now: Date): Promise<void> {
  await db.updateTable('filed_institutions').set({ active, updated_at: now }).where('institution_id', '=', institutionId).execute();
  await recordOperation(db, [{ institutionId, date: todayInShanghai(now), active }]);
}

/** Notes from which day institutions operate or stop, so indicators for a past date count those operating then. */
export async function recordOperation(db: Db, changes: { institutionId: string; date: string; active: boolean }[]): Promise<void> {
  if (changes.length === 0) return;
  await db
    .insertInto('institution_operation_changes')
    .values(changes.map((c) => ({ institution_id: c.institutionId, on_date: c.date, active: c.active })))
    .execute();
}

/**
 * The next filing receipt number of a district and year, inside the filing transaction.
 * INSERT … ON CONFLICT DO UPDATE … RETURNING is atomic on PostgreSQL: a concurrent filing in
 * the same district and year waits on the counter row's lock until this transaction ends, then
 * reads the committed value. So numbers never repeat, and a rolled-back filing returns its
 * number (no gaps). On PGlite transactions run one at a time.
 */
export async function issueReceiptNumber(trx: Db, districtCode: string, year: number) {
  const row = await trx
    .insertInto('filing_receipt_counters')
    .values({ district_code: districtCode, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['district_code', 'year']).doUpdateSet((eb) => ({ last_number: eb('filing_receipt_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return { number: formatReceiptNumber(districtCode, year, row.last_number), year, sequence: row.last_number };
}

// ---- filings ----------------------------------------------------------------------------------

/** The institution's open filing, locked until the transaction ends. */
export function lockOpenFiling(db: Db, institutionId: string) {
  return db
    .selectFrom('institution_filings')
    .select(['id', 'district_code'])
    .where('institution_id', '=', institutionId)
    .where('outcome', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export function insertFiling(db: Db, values: Insertable<DB['institution_filings']>) {
  return db.insertInto('institution_filings').values(values).returning(['id', 'kind']).executeTakeFirstOrThrow();
}

export async function updateFiling(db: Db, filingId: string, values: Updateable<DB['institution_filings']>): Promise<void> {
  await db.updateTable('institution_filings').set(values).where('id', '=', filingId).execute();
}

/** Closes the institution's open filing, if any, with the values given (closure cancels it). */
export async function decideOpenFilings(db: Db, institutionId: string, values: Updateable<DB['institution_filings']>): Promise<void> {
  await db
    .updateTable('institution_filings')
    .set(values)
    .where('institution_id', '=', institutionId)
    .where('outcome', 'is', null)
    .execute();
}

/** The name of the filed version. */
export async function findFiledName(db: Db, institutionId: string): Promise<string> {
  const row = await db
    .selectFrom('filed_institutions')
    .select('name')
    .where('institution_id', '=', institutionId)
    .executeTakeFirstOrThrow();
  return row.name;
}

/** The one writer of an institution's status (transition.ts). */
export async function setInstitutionStatus(
  db: Db,
  institutionId: string,
  values: { status: string; status_reason: string | null; status_changed_at: Date; updated_at: Date },
): Promise<void> {
  await db.updateTable('institutions').set(values).where('id', '=', institutionId).execute();
}

// ---- the review queue -------------------------------------------------------------------------

export type QueueFilter = {
  state: 'open' | 'decided' | 'all';
  division?: string | undefined;
  kind?: 'initial' | 'change' | undefined;
  page: number;
  pageSize: number;
};

function filingsInScope(db: Db, scope: Scope) {
  return db
    .selectFrom('institution_filings as f')
    .innerJoin('institutions', 'institutions.id', 'f.institution_id')
    .where(institutionInScope(scope));
}

const QUEUE_COLUMNS = [
  'f.id',
  'f.institution_id',
  'institutions.name as institution_name',
  'institutions.division_code',
  'f.district_code',
  'f.kind',
  'institutions.status',
  'f.submitted_at',
  'f.review_started_at',
  'f.outcome',
  'f.decided_at',
  'f.receipt_number',
] as const;

/** One page of the filings in scope that match the filter: open ones oldest first, decided ones newest first. */
export async function findFilingPage(db: Db, scope: Scope, filter: QueueFilter) {
  let query = filingsInScope(db, scope);
  if (filter.state === 'open') query = query.where('f.outcome', 'is', null);
  if (filter.state === 'decided') query = query.where('f.outcome', 'is not', null);
  if (filter.division) query = query.where('institutions.division_code', 'like', `${divisionPrefix(filter.division)}%`);
  if (filter.kind) query = query.where('f.kind', '=', filter.kind);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .select(QUEUE_COLUMNS)
      .orderBy('f.submission_no', filter.state === 'open' ? 'asc' : 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), rows };
}

/** One filing in scope with what was submitted. */
export function findFilingInScope(db: Db, scope: Scope, filingId: string) {
  return filingsInScope(db, scope)
    .select([...QUEUE_COLUMNS, 'f.snapshot', 'f.changed_facts', 'f.reasons', 'f.filed_despite_reason', 'f.checklist', 'f.submission_no'])
    .where('f.id', '=', filingId)
    .executeTakeFirst();
}

/** The snapshot of the last filing filed before submission `submissionNo`: what was in force. */
export function findPreviousFiledSnapshot(db: Db, institutionId: string, submissionNo: number) {
  return db
    .selectFrom('institution_filings')
    .select('snapshot')
    .where('institution_id', '=', institutionId)
    .where('outcome', '=', 'filed')
    .where('submission_no', '<', submissionNo)
    .orderBy('submission_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}
