import type { z } from 'zod';
import type { Db } from '../../db/executor.ts';

/**
 * The only reader and writer of the `settings` table. Each setting is one JSON value under a
 * key owned by one module ("institutions.compliance", "health.illnessAlerts", …); the module
 * gives the schema its stored value must satisfy.
 */
export async function readSetting<T>(db: Db, key: string, schema: z.ZodType<T>): Promise<T | undefined> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  if (row === undefined || row.value === null) return undefined;
  // node-postgres parses jsonb; a JSON string stored by an older release comes back as text.
  const value = typeof row.value === 'string' ? JSON.parse(row.value) : row.value;
  return schema.parse(value);
}

export async function writeSetting<T>(db: Db, key: string, value: T, now: Date): Promise<void> {
  const json = JSON.stringify(value);
  await db
    .insertInto('settings')
    .values({ key, value: json, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: json, updated_at: now }))
    .execute();
}
