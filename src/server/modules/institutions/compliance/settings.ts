import type { Kysely, Transaction } from 'kysely';
import { type ComplianceSettings, DEFAULT_COMPLIANCE_SETTINGS } from '../../../../domain/institutions/compliance.ts';
import type { DB } from '../../../db/schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/** The settings row; an administrator changes it through PUT /api/v1/institutions/settings. */
export const COMPLIANCE_SETTINGS_KEY = 'institutions.compliance';

/** Stored settings over the defaults of src/domain/institutions/compliance.ts. */
export async function findComplianceSettings(db: Db): Promise<ComplianceSettings> {
  const row = await db.selectFrom('settings').select('value').where('key', '=', COMPLIANCE_SETTINGS_KEY).executeTakeFirst();
  const stored = (typeof row?.value === 'string' ? JSON.parse(row.value) : row?.value) as Partial<ComplianceSettings> | undefined;
  return { ...DEFAULT_COMPLIANCE_SETTINGS, ...(stored ?? {}) };
}

export async function saveComplianceSettings(db: Db, settings: ComplianceSettings, now: Date): Promise<void> {
  const value = JSON.stringify(settings);
  await db
    .insertInto('settings')
    .values({ key: COMPLIANCE_SETTINGS_KEY, value, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, updated_at: now }))
    .execute();
}
