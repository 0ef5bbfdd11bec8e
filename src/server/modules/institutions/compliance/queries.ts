import { divisionPrefix } from '../../../../domain/geography/divisionCode.ts';
import type { Db } from '../../../db/executor.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { institutionInScope } from '../common/queries.ts';

/** Institutions in scope and in the division that have a filed version and are not closed. */
export function findFiledInstitutionsIn(db: Db, scope: Scope, divisionCode: string) {
  return db
    .selectFrom('institutions')
    .innerJoin('filed_institutions as f', 'f.institution_id', 'institutions.id')
    .select(['institutions.id', 'institutions.division_code'])
    .where(institutionInScope(scope))
    .where('institutions.division_code', 'like', `${divisionPrefix(divisionCode)}%`)
    .where('institutions.status', '<>', 'closed')
    .execute();
}
