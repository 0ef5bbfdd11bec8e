import { type ComplianceSettings, DEFAULT_COMPLIANCE_SETTINGS } from '../../../../domain/institutions/compliance.ts';
import type { Db } from '../../../db/executor.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.ts';
import { StoredSettings } from './schemas.ts';

/** The settings row; an administrator changes it through PUT /api/v1/institutions/settings. */
export const COMPLIANCE_SETTINGS_KEY = 'institutions.compliance';

/** Stored settings over the defaults of src/domain/institutions/compliance.ts. */
export async function findComplianceSettings(db: Db): Promise<ComplianceSettings> {
  const stored = await readSetting(db, COMPLIANCE_SETTINGS_KEY, StoredSettings);
  return { ...DEFAULT_COMPLIANCE_SETTINGS, ...stored };
}

export async function saveComplianceSettings(db: Db, settings: ComplianceSettings, now: Date): Promise<void> {
  await writeSetting(db, COMPLIANCE_SETTINGS_KEY, settings, now);
}
