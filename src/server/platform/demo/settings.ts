import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';

/** Whether the database holds the demo; the web app shows a banner when it does. */
export async function isDemo(db: Kysely<DB>): Promise<boolean> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', 'demo').executeTakeFirst();
  return row?.value === true;
}

export async function markDemo(db: Kysely<DB>) {
  await db
    .insertInto('settings')
    .values({ key: 'demo', value: JSON.stringify(true) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(true) }))
    .execute();
}
