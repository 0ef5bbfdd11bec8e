import type { Db } from '../../../db/executor.ts';

/** The filed institutions of a district in operation today (the public list's), in id order, for inspection draws. */
export function findListedInDistrict(db: Db, districtCode: string) {
  return db
    .selectFrom('filed_institutions')
    .select(['institution_id as id', 'name'])
    .where('active', '=', true)
    .where('division_code', 'like', `${districtCode}%`)
    .orderBy('institution_id')
    .execute();
}

/** Name and township of institutions by id, whatever their status, for lists that name them. */
export async function findInstitutionNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { name: string; divisionCode: string }>();
  const rows = await db
    .selectFrom('institutions')
    .select(['id', 'name', 'division_code'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, divisionCode: r.division_code }]));
}

/** Which of these institutions the public sees now (filed and in operation), for public answers about many at once. */
export async function findListedPublicly(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('filed_institutions')
    .select('institution_id')
    .where('institution_id', 'in', [...new Set(ids)])
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.institution_id));
}
