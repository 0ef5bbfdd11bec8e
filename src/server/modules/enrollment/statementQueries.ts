import type { Transaction } from 'kysely';
import type { Db } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';

export function findFeeRule(db: Db, institutionId: string) {
  return db
    .selectFrom('institutions')
    .select([
      'id',
      'name',
      'refund_after_days',
      'refund_percent',
      'fee_infant_fen',
      'fee_toddler_fen',
      'fee_older_toddler_fen',
      'fee_mixed_fen',
    ])
    .where('id', '=', institutionId)
    .executeTakeFirst();
}
export type FeeRuleRow = NonNullable<Awaited<ReturnType<typeof findFeeRule>>>;

/** Enrolments at the institution that overlap the month, with the class type in force. */
export function findEnrolmentsInMonth(db: Db, institutionId: string, first: string, last: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('children as c', 'c.id', 'e.child_id')
    .innerJoin('institution_classes as k', 'k.id', 'e.class_id')
    .select((eb) => [
      'e.id',
      'e.child_id',
      'c.name as child_name',
      'e.class_id',
      eb.fn.coalesce('k.filed_class_type', 'k.class_type').as('class_type'),
      'e.start_date',
      'e.end_date',
    ])
    .where('e.institution_id', '=', institutionId)
    .where('e.start_date', '<=', last)
    .where((w) => w.or([w('e.end_date', 'is', null), w('e.end_date', '>=', first)]))
    .orderBy('c.name')
    .orderBy('e.start_date')
    .execute();
}

export function findAbsentDays(db: Db, institutionId: string, first: string, last: string) {
  return db
    .selectFrom('attendance')
    .select(['child_id', 'day'])
    .where('institution_id', '=', institutionId)
    .where('status', '=', 'absent')
    .where('day', '>=', first)
    .where('day', '<=', last)
    .execute();
}

/** The month's statements of the institution, locked while they are regenerated, with their live deductions. */
export function lockStatementsOfMonth(trx: Transaction<DB>, institutionId: string, month: string) {
  return trx
    .selectFrom('fee_statements as s')
    .select((eb) => [
      's.id',
      's.child_id',
      eb
        .selectFrom('statement_deductions as d')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('d.statement_id', '=', 's.id')
        .where('d.reversed_at', 'is', null)
        .as('deductions'),
    ])
    .where('s.institution_id', '=', institutionId)
    .where('s.month', '=', month)
    .forUpdate()
    .execute();
}

export type StatementFilter = {
  ids?: string[];
  institutionId?: string;
  month?: string;
  childId?: string;
  institutionIds?: string[] | null;
};

export function findStatements(db: Db, f: StatementFilter) {
  if (f.ids?.length === 0 || f.institutionIds?.length === 0) return Promise.resolve([]);
  let query = db
    .selectFrom('fee_statements as s')
    .innerJoin('children as c', 'c.id', 's.child_id')
    .innerJoin('institutions as i', 'i.id', 's.institution_id')
    .innerJoin('institution_classes as k', 'k.id', 's.class_id')
    .selectAll('s')
    .select((eb) => ['c.name as child_name', 'i.name as institution_name', eb.fn.coalesce('k.filed_name', 'k.name').as('class_name')]);
  if (f.ids) query = query.where('s.id', 'in', f.ids);
  if (f.institutionId) query = query.where('s.institution_id', '=', f.institutionId);
  if (f.month) query = query.where('s.month', '=', f.month);
  if (f.childId) query = query.where('s.child_id', '=', f.childId);
  if (f.institutionIds) query = query.where('s.institution_id', 'in', f.institutionIds);
  return query.orderBy('s.month', 'desc').orderBy('c.name').execute();
}
export type StatementRow = Awaited<ReturnType<typeof findStatements>>[number];

export function findLines(db: Db, statementIds: string[]) {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('fee_statement_lines')
    .selectAll()
    .where('statement_id', 'in', statementIds)
    .orderBy('statement_id')
    .orderBy('position')
    .execute();
}

export function findLiveDeductions(db: Db, statementIds: string[]) {
  if (statementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('statement_deductions')
    .selectAll()
    .where('statement_id', 'in', statementIds)
    .where('reversed_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
