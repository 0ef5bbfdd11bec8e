import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { divisionCodeInScope } from '../../../platform/access/visibility.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findDivisionAsOf } from '../../geography/index.ts';
import type { InstitutionRow } from './state.ts';

/**
 * Institutions the caller may see through this route: their own (staff), their district's
 * (district officials, by division code, the platform's rule) or all (city officials, admins).
 * Queries add it to every read, so a record outside the scope is simply not found.
 */
export function institutionInScope(scope: Scope) {
  return (eb: ExpressionBuilder<DB, 'institutions'>): Expression<SqlBool> => {
    if (scope.cityWide) return sql<SqlBool>`true`;
    const own = scope.institutionIds.length > 0 ? [eb('institutions.id', 'in', scope.institutionIds)] : [];
    return eb.or([...own, divisionCodeInScope(scope, 'institutions.division_code')]);
  };
}

/**
 * The institution if the caller may see it; with `lock`, its row is locked until the
 * transaction ends, so two writers of one institution take turns.
 */
export async function findInstitutionInScope(db: Db, scope: Scope, id: string, lock = false): Promise<InstitutionRow | undefined> {
  let query = db.selectFrom('institutions').selectAll().where('id', '=', id).where(institutionInScope(scope));
  if (lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** As findInstitutionInScope, but a missing or out-of-scope institution is NOT_FOUND. */
export async function getInstitutionInScope(db: Db, scope: Scope, id: string, lock = false): Promise<InstitutionRow> {
  const found = await findInstitutionInScope(db, scope, id, lock);
  if (!found) throw new AppError('NOT_FOUND');
  return found;
}

/** Throws UNKNOWN_TOWNSHIP unless the code is a township in force. */
export async function assertTownship(db: Db, code: string, today: IsoDate): Promise<void> {
  const division = await findDivisionAsOf(db as Kysely<DB>, code, today);
  if (division?.level !== 'township') throw new AppError('UNKNOWN_TOWNSHIP', { code });
}

export async function hasFiledVersion(db: Db, institutionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('filed_institutions')
    .select('institution_id')
    .where('institution_id', '=', institutionId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the institution's filed version is public now: filed, in operation (not suspended or closed). */
export async function isPubliclyListed(db: Db, institutionId: string): Promise<boolean> {
  const listed = await db
    .selectFrom('filed_institutions')
    .select('institution_id')
    .where('institution_id', '=', institutionId)
    .where('active', '=', true)
    .executeTakeFirst();
  return listed !== undefined;
}

/** PostgreSQL's unique_violation on a named constraint or index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string; detail?: string };
  return e?.code === '23505' && (e.constraint === constraint || `${e.message ?? ''}`.includes(constraint));
}

const ids = (list: string[]) => sql<string>`any(${list}::uuid[])`;

/** Classes read youngest type first (乳儿班, 托小班, 托大班, 混龄班), then by name. */
const CLASS_ORDER = sql`array_position(array['infant', 'toddler', 'older_toddler', 'mixed'], class_type)`;

/**
 * The rows behind loadStates (state.ts) in two rounds of set-wise reads: the institutions and
 * what hangs off them, then the children enrolled per class (through `class_enrolment_counts`,
 * enrollment's view), certificates of the staff found, and files and filing history when asked.
 */
export async function findStateRows(
  db: Db,
  institutionIds: string[],
  today: IsoDate,
  include: { files?: boolean; filings?: boolean } = {},
) {
  const [institutions, classes, caregivers, staff, designations, filed] = await Promise.all([
    db.selectFrom('institutions').selectAll().where('id', '=', ids(institutionIds)).execute(),
    db
      .selectFrom('institution_classes')
      .selectAll()
      .where('institution_id', '=', ids(institutionIds))
      .orderBy(CLASS_ORDER)
      .orderBy('name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('class_caregivers as cc')
      .innerJoin('institution_classes as c', 'c.id', 'cc.class_id')
      .select(['cc.class_id', 'cc.staff_id'])
      .where('c.institution_id', '=', ids(institutionIds))
      .execute(),
    db
      .selectFrom('institution_staff')
      .selectAll()
      .where('institution_id', '=', ids(institutionIds))
      .where((eb) => eb.or([eb('left_on', 'is', null), eb('left_on', '>', today)]))
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('institution_designations')
      .selectAll()
      .where('institution_id', '=', ids(institutionIds))
      .orderBy('granted_on')
      .orderBy('created_at')
      .execute(),
    db.selectFrom('filed_institutions').selectAll().where('institution_id', '=', ids(institutionIds)).execute(),
  ]);
  const classIds = classes.map((c) => c.id);
  const staffIds = staff.map((s) => s.id);
  const [enrolledPerClass, certificates, files, filings] = await Promise.all([
    classIds.length === 0
      ? []
      : db
          .selectFrom('class_enrolment_counts')
          .select(['class_id', 'enrolled', 'open_offers'])
          .where('class_id', '=', ids(classIds))
          .execute(),
    staffIds.length === 0
      ? []
      : db.selectFrom('staff_certificates').selectAll().where('staff_id', '=', ids(staffIds)).orderBy('kind').orderBy('id').execute(),
    include.files
      ? db
          .selectFrom('institution_files')
          .selectAll()
          .where('institution_id', '=', ids(institutionIds))
          .where('deleted_at', 'is', null)
          .orderBy('position', (ob) => ob.nullsLast())
          .orderBy('created_at')
          .execute()
      : [],
    include.filings
      ? db
          .selectFrom('institution_filings')
          .select([
            'id',
            'institution_id',
            'kind',
            'district_code',
            'changed_facts',
            'submitted_at',
            'submitted_by',
            'review_started_at',
            'reviewer_id',
            'outcome',
            'decided_at',
            'decided_by',
            'checklist',
            'reasons',
            'filed_despite_reason',
            'receipt_number',
            'receipt_year',
            'receipt_seq',
            'submission_no',
          ])
          .where('institution_id', '=', ids(institutionIds))
          .orderBy('submission_no', 'desc')
          .execute()
      : [],
  ]);

  return { institutions, classes, caregivers, staff, designations, filed, enrolledPerClass, certificates, files, filings };
}
