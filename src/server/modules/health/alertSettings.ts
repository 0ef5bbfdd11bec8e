import type { Kysely, Transaction } from 'kysely';
import { type IllnessAlertSettings, resolveIllnessAlertSettings } from '../../../domain/health/illnessClusters.ts';
import type { DB } from '../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The settings row; an administrator changes it through PUT /api/v1/illness-alerts/settings. */
export const ILLNESS_ALERT_SETTINGS_KEY = 'health.illnessAlerts';

/** Stored settings over the defaults of src/domain/health/illnessClusters.ts. */
export async function findIllnessAlertSettings(db: Db): Promise<IllnessAlertSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', ILLNESS_ALERT_SETTINGS_KEY).executeTakeFirst();
  const stored = (typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value) as Partial<IllnessAlertSettings> | undefined;
  return resolveIllnessAlertSettings(stored);
}

export async function saveIllnessAlertSettings(db: Db, settings: IllnessAlertSettings, now: Date): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: ILLNESS_ALERT_SETTINGS_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
