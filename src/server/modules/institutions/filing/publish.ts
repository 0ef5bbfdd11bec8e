import { sql } from 'kysely';
import type { Db } from '../../../db/executor.ts';

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
  'facilities',
  'description',
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
}
