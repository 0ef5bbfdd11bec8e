import { type Expression, type Kysely, sql } from 'kysely';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';

// Commits older than this and their notes are deleted; a process that has not searched for as
// long reloads everything on its next search.
const KEEP_NOTES = '1 hour';

// ---- the public page --------------------------------------------------------------------------

/** The filed version of an institution in operation. */
export function findListedFiled(db: Db, id: string) {
  return db.selectFrom('filed_institutions').selectAll().where('institution_id', '=', id).where('active', '=', true).executeTakeFirst();
}

/**
 * The filed classes in the plan with the children enrolled in each and the offers standing,
 * through the enrollment module's view `class_enrolment_counts` (a class without a row has
 * none), and their caregivers in post, youngest type first.
 */
export function findFiledClasses(db: Db, id: string) {
  return db
    .selectFrom('institution_classes as c')
    .leftJoin('class_enrolment_counts as e', 'e.class_id', 'c.id')
    .select(['c.filed_class_type', 'c.filed_name', 'c.filed_capacity', 'c.archived_at', 'e.enrolled', 'e.open_offers'])
    .select((eb) => caregiversInPost(eb.ref('c.id')).as('caregivers'))
    .where('c.institution_id', '=', id)
    .where('c.filed_capacity', 'is not', null)
    .orderBy(sql`array_position(array['infant', 'toddler', 'older_toddler', 'mixed'], c.filed_class_type)`)
    .orderBy('c.filed_name')
    .orderBy('c.id')
    .execute();
}

export function findDesignations(db: Db, id: string) {
  return db.selectFrom('institution_designations').selectAll().where('institution_id', '=', id).orderBy('granted_on').execute();
}

/** Ids of the photos on the list, in the director's order. */
export function findPhotoIds(db: Db, id: string) {
  return db
    .selectFrom('institution_files')
    .select('id')
    .where('institution_id', '=', id)
    .where('kind', '=', 'photo')
    .where('deleted_at', 'is', null)
    .orderBy('position', (ob) => ob.nullsLast())
    .orderBy('created_at')
    .execute();
}

/** Caregivers assigned to a class who have not left: the ratio's caregivers, as an offer counts them. */
function caregiversInPost(classId: Expression<string>) {
  return sql<number>`(select count(*)::integer from class_caregivers cc join institution_staff s on s.id = cc.staff_id
    where cc.class_id = ${classId} and s.left_on is null)`;
}

// ---- the search index -------------------------------------------------------------------------

/** The three reads behind the entries of `ids` (all filed institutions without `ids`). */
export function entryQueries(db: Kysely<DB>, ids?: string[]) {
  const among = sql<string>`any(${ids ?? []}::uuid[])`;
  return {
    filed: db
      .selectFrom('filed_institutions as f')
      .select([
        'f.institution_id',
        'f.name',
        'f.address',
        'f.pinyin',
        'f.search_text',
        'f.lat',
        'f.lng',
        'f.x',
        'f.y',
        'f.z',
        'f.division_code',
        'f.service_forms',
        'f.fee_infant_fen',
        'f.fee_toddler_fen',
        'f.fee_older_toddler_fen',
        'f.fee_mixed_fen',
      ])
      .where('f.active', '=', true)
      .$if(ids !== undefined, (q) => q.where('f.institution_id', '=', among)),
    classes: db
      .selectFrom('institution_classes as k')
      .select(['k.id', 'k.institution_id', 'k.filed_class_type', 'k.filed_capacity', 'k.archived_at'])
      .select((eb) => caregiversInPost(eb.ref('k.id')).as('caregivers'))
      .where('k.filed_capacity', 'is not', null)
      .$if(ids !== undefined, (q) => q.where('k.institution_id', '=', among)),
    designations: db
      .selectFrom('institution_designations as d')
      .select(['d.institution_id', 'd.kind', 'd.level', 'd.valid_from', 'd.valid_to', 'd.revoked_on'])
      .$if(ids !== undefined, (q) => q.where('d.institution_id', '=', among)),
  };
}

/**
 * Children enrolled per class, through the enrollment seam (the enrollment module's view
 * class_enrolment_counts, see the README): of `classIds`, or of every class. Asked by class id
 * apart from the classes, so PostgreSQL counts only those classes' enrollments by their index.
 */
export function enrolledQuery(db: Kysely<DB>, classIds?: string[]) {
  return db
    .selectFrom('class_enrolment_counts as e')
    .select(['e.class_id', 'e.enrolled', 'e.open_offers'])
    .$if(classIds !== undefined, (q) => q.where('e.class_id', '=', sql<string>`any(${classIds ?? []}::uuid[])`));
}

/** The version of what the search shows (migration 0016): one row. */
export function readSearchVersion(db: Kysely<DB>): Promise<number> {
  return db
    .selectFrom('institution_search_version')
    .select('version')
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.version));
}

/**
 * The version, how far notes were pruned, and the institutions changed after `version`: one
 * statement, one snapshot, so the three agree even while notes are being pruned.
 */
export function changesSince(version: number) {
  return sql<{ version: number; pruned_through: number; changed: string[] }>`
    select v.version, v.pruned_through, (
      select coalesce(json_agg(distinct n.institution_id), '[]')
      from institution_search_commits c join institution_search_changes n on n.txid = c.txid
      where c.version > ${version} and c.version <= v.version
    ) as changed
    from institution_search_version v`;
}

/** Runs changesSince. */
export async function readChangesSince(db: Kysely<DB>, version: number) {
  const head = await changesSince(version).execute(db);
  return head.rows[0] as { version: number; pruned_through: number; changed: string[] };
}

/** Deletes old change notes; the module's job runs it every 10 minutes (index.ts). */
export async function pruneSearchChanges(db: Kysely<DB>) {
  await sql`
    with gone as (
      delete from institution_search_commits where committed_at < now() - ${KEEP_NOTES}::interval returning txid, version
    ), notes as (
      delete from institution_search_changes n using gone where n.txid = gone.txid
    )
    update institution_search_version
    set pruned_through = greatest(pruned_through, (select max(version) from gone))
    where exists (select 1 from gone)`.execute(db);
}
