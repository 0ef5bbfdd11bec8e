import { type IllnessAlertSettings, resolveIllnessAlertSettings } from '../../../../domain/health/illnessClusters.ts';
import type { Db } from '../../../db/executor.ts';
import { readSetting, writeSetting } from '../../../platform/settings/settings.ts';
import { IllnessAlertSettingsBody } from './schemas.ts';

/** The settings row; an administrator changes it through PUT /api/v1/illness-alerts/settings. */
export const ILLNESS_ALERT_SETTINGS_KEY = 'health.illnessAlerts';

/** Stored settings over the defaults of src/domain/health/illnessClusters.ts. */
export async function findIllnessAlertSettings(db: Db): Promise<IllnessAlertSettings> {
  return resolveIllnessAlertSettings(await readSetting(db, ILLNESS_ALERT_SETTINGS_KEY, IllnessAlertSettingsBody.partial()));
}

export async function saveIllnessAlertSettings(db: Db, settings: IllnessAlertSettings, now: Date): Promise<void> {
  await writeSetting(db, ILLNESS_ALERT_SETTINGS_KEY, settings, now);
}
