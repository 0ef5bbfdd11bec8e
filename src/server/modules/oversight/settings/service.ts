import { DEFAULT_TARGETS } from '../../../../domain/oversight/indicators.ts';
import type { Deps } from '../../../deps.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { writeSetting } from '../../../platform/settings/settings.ts';
import { ACCESS_KEY, DEFAULT_ACCESS_SETTINGS, findAccessSettings, findTargets, TARGETS_KEY } from '../common/settings.ts';
import type { OversightSettingsBody } from './schemas.ts';

const DEFAULTS: OversightSettingsBody = {
  targets: { placesPer1000: DEFAULT_TARGETS.placesPer1000, townshipCoverage: DEFAULT_TARGETS.townshipCoverage },
  access: DEFAULT_ACCESS_SETTINGS,
};

export async function getOversightSettings(deps: Deps) {
  const [targets, access] = await Promise.all([findTargets(deps.db), findAccessSettings(deps.db)]);
  return {
    targets: { placesPer1000: targets.placesPer1000, townshipCoverage: targets.townshipCoverage },
    access,
    defaults: DEFAULTS,
  };
}

/** The city sets its targets and how accessibility is measured; the change is audited with its values. */
export async function updateOversightSettings(deps: Deps, context: AuditContext, body: OversightSettingsBody) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await writeSetting(trx, TARGETS_KEY, body.targets, now);
    await writeSetting(trx, ACCESS_KEY, body.access, now);
    await appendAudit(
      trx,
      context,
      { action: 'oversight.settings.update', entityType: 'settings', entityId: 'oversight', detail: body },
      now,
    );
  });
  return getOversightSettings(deps);
}
