import type { Kysely } from 'kysely';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { Db } from '../../../db/executor.ts';
import type { DB } from '../../../db/schema.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findDivisionAsOf } from '../../geography/index.ts';
import { institutionInScope } from './access.ts';
import type { InstitutionRow } from './state.ts';

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

/** PostgreSQL's unique_violation on a named constraint or index. */
export function isUniqueViolation(err: unknown, constraint: string): boolean {
  const e = err as { code?: string; constraint?: string; message?: string; detail?: string };
  return e?.code === '23505' && (e.constraint === constraint || `${e.message ?? ''}`.includes(constraint));
}
