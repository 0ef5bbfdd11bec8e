import { type Insertable, sql, type Updateable } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { institutionInScope } from '../common/queries.ts';

export type ListFilter = { status?: string; division?: string; q?: string; inclusive?: boolean };
export type Paging = { page: number; pageSize: number };

/** Escapes LIKE wildcards so a keyword matches literally. */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Registry entries in scope that match the filter. */
function matching(db: Db, scope: Scope, filter: ListFilter, today: IsoDate) {
  let query = db.selectFrom('institutions').where(institutionInScope(scope));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.division) query = query.where('division_code', 'like', `${divisionPrefix(filter.division)}%`);
  if (filter.q) {
    const pattern = `%${likeLiteral(filter.q.toLowerCase().replace(/\s+/g, ''))}%`;
    query = query.where(
      sql<boolean>`(lower(name) like ${pattern} or replace(pinyin, ' ', '') like ${pattern} or initials like ${pattern})`,
    );
  }
  if (filter.inclusive) {
    // In force today by the rule of isCurrent (src/domain/institutions/designations.ts).
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('institution_designations as d')
          .select('d.id')
          .whereRef('d.institution_id', '=', 'institutions.id')
          .where('d.kind', '=', 'inclusive')
          .where('d.valid_from', '<=', today)
          .where((eb) => eb.or([eb('d.valid_to', 'is', null), eb('d.valid_to', '>=', today)]))
          .where((eb) => eb.or([eb('d.revoked_on', 'is', null), eb('d.revoked_on', '>', today)])),
      ),
    );
  }
  return query;
}

/** One page of matching entries, by pinyin; the caller loads their details. */
export async function findInstitutionPage(db: Db, scope: Scope, filter: ListFilter & Paging, today: IsoDate) {
  const query = matching(db, scope, filter, today);
  const [count, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    query
      .select('id')
      .orderBy('pinyin')
      .orderBy('id')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
  ]);
  return { total: Number(count.n), ids: rows.map((r) => r.id) };
}

/** Every matching entry, by pinyin, for a filter only computed state can decide. */
export async function findInstitutionIds(db: Db, scope: Scope, filter: ListFilter, today: IsoDate): Promise<string[]> {
  const rows = await matching(db, scope, filter, today).select('id').orderBy('pinyin').orderBy('id').execute();
  return rows.map((r) => r.id);
}

export async function isCreditCodeTaken(db: Db, creditCode: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('institutions').select('id').where('credit_code', '=', creditCode).where('status', '<>', 'closed');
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A new registry entry; returns its id. */
export function insertInstitution(db: Db, values: Insertable<DB['institutions']>) {
  return db.insertInto('institutions').values(values).returning('id').executeTakeFirstOrThrow();
}

/** Changes the working copy's columns. */
export async function updateInstitution(db: Db, id: string, values: Updateable<DB['institutions']>): Promise<void> {
  await db.updateTable('institutions').set(values).where('id', '=', id).execute();
}
