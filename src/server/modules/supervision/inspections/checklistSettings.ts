import type { z } from 'zod';
import type { Deps } from '../../../deps.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { writeSetting } from '../../../platform/settings/settings.ts';
import type { ChecklistSettingsBody } from './schemas.ts';
import { findInspectionSettings, INSPECTION_SETTINGS_KEY } from './settings.ts';

export function getChecklistSettings(deps: Deps) {
  return findInspectionSettings(deps.db);
}

/** The city changes the checklist and weights; inspections already recorded keep the words they were recorded with. */
export async function updateChecklistSettings(deps: Deps, context: AuditContext, body: z.infer<typeof ChecklistSettingsBody>) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const before = await findInspectionSettings(trx);
    await writeSetting(trx, INSPECTION_SETTINGS_KEY, body, now);
    await appendAudit(
      trx,
      context,
      { action: 'inspection.settings.update', entityType: 'setting', entityId: INSPECTION_SETTINGS_KEY, detail: { before, after: body } },
      now,
    );
  });
  return findInspectionSettings(deps.db);
}
