import type { Kysely } from 'kysely';
import type { DB } from '../../../src/server/db/schema.ts';

export async function createInstitution(db: Kysely<DB>, divisionCode: string, name = '测试托育园') {
  return db
    .insertInto('institutions')
    .values({ name, division_code: divisionCode })
    .returning(['id', 'name', 'division_code'])
    .executeTakeFirstOrThrow();
}
