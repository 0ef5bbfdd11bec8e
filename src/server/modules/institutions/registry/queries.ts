import { type Kysely, sql, type Transaction } from 'kysely';
import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { institutionInScope } from '../common/access.ts';

type Db = Kysely<DB> | Transaction<DB>;

export type ListFilter = { status?: string; division?: string; q?: string; page: number; pageSize: number };

/** Escapes LIKE wildcards so a keyword matches literally. */
export function likeLiteral(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Registry entries in scope, by pinyin; the caller loads their details. */
export async function findInstitutionPage(db: Db, scope: Scope, filter: ListFilter) {
  let query = db.selectFrom('institutions').where(institutionInScope(scope));
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.division) query = query.where('division_code', 'like', `${divisionPrefix(filter.division)}%`);
  if (filter.q) {
    const pattern = `%${likeLiteral(filter.q.toLowerCase().replace(/\s+/g, ''))}%`;
    query = query.where(
      sql<boolean>`(lower(name) like ${pattern} or replace(pinyin, ' ', '') like ${pattern} or initials like ${pattern})`,
    );
  }
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

export async function isCreditCodeTaken(db: Db, creditCode: string, exceptId: string | null): Promise<boolean> {
  let query = db.selectFrom('institutions').select('id').where('credit_code', '=', creditCode).where('status', '<>', 'closed');
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}
