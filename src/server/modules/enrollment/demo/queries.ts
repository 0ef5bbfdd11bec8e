import { type Insertable, sql, type Transaction } from 'kysely';
import { inChunks } from '../../../db/inChunks.ts';
import type { DB } from '../../../db/schema.ts';

/** Filed classes of filed institutions with what decides their places, for the demo to fill. */
export function findDemoClasses(trx: Transaction<DB>) {
  return trx
    .selectFrom('institution_classes as k')
    .innerJoin('institutions as i', 'i.id', 'k.institution_id')
    .leftJoin('divisions as d', (j) => j.onRef('d.code', '=', 'i.division_code').on('d.valid_to', 'is', null))
    .leftJoin('class_enrolment_counts as e', 'e.class_id', 'k.id')
    .select((eb) => [
      'k.id',
      'k.institution_id',
      'i.name as institution_name',
      'i.division_code',
      'd.name as township_name',
      'k.filed_class_type',
      'k.filed_capacity',
      sql<number>`coalesce(e.enrolled, 0)`.as('enrolled'),
      eb
        .selectFrom('class_caregivers as cc')
        .innerJoin('institution_staff as s', 's.id', 'cc.staff_id')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('cc.class_id', '=', 'k.id')
        .where('s.left_on', 'is', null)
        .as('caregivers'),
    ])
    .where('i.status', '=', 'filed')
    .where('k.archived_at', 'is', null)
    .where('k.filed_class_type', 'is not', null)
    .where('k.filed_capacity', 'is not', null)
    .orderBy('i.name')
    .orderBy('k.filed_name')
    .execute();
}

/** A staff account of the institution to record the demo's care days: a caregiver ('caregiver' sorts first), else the director. */
export function findStaffUser(trx: Transaction<DB>, institutionId: string) {
  return trx
    .selectFrom('user_roles')
    .select(['user_id', 'role'])
    .where('institution_id', '=', institutionId)
    .where('role', 'in', ['caregiver', 'institution_admin'])
    .orderBy('role')
    .executeTakeFirst();
}

type Rows<T extends keyof DB> = Insertable<DB[T]>[];

/** Places held by the demo's children, and by other modules' demo families (subsidies' 2023 cohort). */
export async function insertDemoEnrollments(trx: Transaction<DB>, rows: Rows<'enrolments'>): Promise<void> {
  await inChunks(rows, 1_000, (chunk) => trx.insertInto('enrolments').values(chunk).execute());
}

/** The demo's days of care: attendance and morning checks. */
export async function insertDemoCare(trx: Transaction<DB>, care: { attendance: Rows<'attendance'>; checks: Rows<'morning_checks'> }) {
  await inChunks(care.attendance, 1_000, (chunk) => trx.insertInto('attendance').values(chunk).execute());
  await inChunks(care.checks, 1_000, (chunk) => trx.insertInto('morning_checks').values(chunk).execute());
}

/** Fee statements written as history (subsidies' 2023 demo program redeems vouchers against them). */
export async function insertDemoStatements(
  trx: Transaction<DB>,
  rows: { statements: Rows<'fee_statements'>; lines: Rows<'fee_statement_lines'>; deductions: Rows<'statement_deductions'> },
): Promise<void> {
  await inChunks(rows.statements, 500, (chunk) => trx.insertInto('fee_statements').values(chunk).execute());
  await inChunks(rows.lines, 500, (chunk) => trx.insertInto('fee_statement_lines').values(chunk).execute());
  await inChunks(rows.deductions, 500, (chunk) => trx.insertInto('statement_deductions').values(chunk).execute());
}
