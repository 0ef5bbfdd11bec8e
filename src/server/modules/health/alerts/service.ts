import { addDaysIso, todayInShanghai } from '../../../../domain/dates/shanghai.ts';
import { isWithinDivision } from '../../../../domain/geography/divisionCode.ts';
import {
  type CheckForClusters,
  DEFAULT_ILLNESS_ALERT_SETTINGS,
  findClusters,
  type IllnessAlertSettings,
  type IllnessCluster,
} from '../../../../domain/health/illnessClusters.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, type AuditEntry, appendAudit, SYSTEM_CONTEXT } from '../../../platform/audit/auditLog.ts';
import { AppError } from '../../../platform/errors/AppError.ts';
import { findChecksWithNames, findPossibleCases } from '../../enrollment/index.ts';
import { tellDistrictOfAlert } from './notifications.ts';
import { childrenCounted, presentAlert } from './presenters.ts';
import * as q from './queries.ts';
import type { AlertsQuery, IllnessAlertSettingsBody, IllnessAlertView } from './schemas.ts';
import { findIllnessAlertSettings, ILLNESS_ALERT_SETTINGS_KEY, saveIllnessAlertSettings } from './settings.ts';

/**
 * How many days back the sweep looks. A caregiver may enter a week's checks late (a tablet left
 * offline, a paper list typed up on Friday); older days are history, not an alert to act on.
 */
export const SWEEP_DAYS = 7;
const LIST_LIMIT = 200;
const ALL_WINDOW_DAYS = 30;

function toCheck(row: Awaited<ReturnType<typeof findPossibleCases>>[number]): CheckForClusters {
  return {
    childId: row.child_id,
    classId: row.class_id,
    day: row.checked_on,
    temperatureC: Number(row.temperature_c),
    symptoms: row.symptoms ?? [],
  };
}

/**
 * Writes one alert per cluster (class, day, kind), or moves its count; the unique key makes
 * writers that find the same cluster at once, in any process, leave one row. Audited last in
 * the same transaction. Returns the number of alerts raised or changed.
 */
async function applyClusters(
  deps: Deps,
  clusters: IllnessCluster[],
  settings: IllnessAlertSettings,
  context: AuditContext,
): Promise<number> {
  if (clusters.length === 0) return 0;
  const places = new Map((await q.findClassPlaces(deps.db, [...new Set(clusters.map((c) => c.classId))])).map((p) => [p.class_id, p]));
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const entries: AuditEntry[] = [];
    for (const cluster of clusters) {
      const place = places.get(cluster.classId);
      if (!place) continue;
      const row = await q.upsertAlert(trx, {
        institution_id: place.institution_id,
        class_id: cluster.classId,
        division_code: place.division_code,
        alert_on: cluster.day,
        kind: cluster.kind,
        cases: cluster.childIds.length,
        threshold: settings.casesPerClassPerDay,
        fever_from_c: settings.feverFromC.toFixed(1),
        now,
      });
      if (!row) continue;
      if (row.inserted) {
        const alert = { institutionName: place.institution_name, divisionCode: place.division_code, day: cluster.day, kind: cluster.kind };
        await tellDistrictOfAlert(trx, { ...alert, cases: row.cases }, now);
      }
      entries.push({
        action: row.inserted ? 'illness_alert.raise' : 'illness_alert.update',
        entityType: 'illness_alert',
        entityId: row.id,
        detail: { classId: cluster.classId, day: cluster.day, kind: cluster.kind, cases: row.cases },
      });
    }
    await appendAudit(trx, context, entries, now);
    return entries.length;
  });
}

/**
 * Called right after a morning check is written (enrollment's hook, wired in src/server/modules.ts): counts the
 * class's checks of that day and raises or updates its alerts. After the check's commit, not in
 * its transaction, so of two caregivers writing at once the later count sees both checks.
 */
export async function raiseIllnessAlerts(
  deps: Deps,
  classId: string,
  day: string,
  context: AuditContext = SYSTEM_CONTEXT,
): Promise<number> {
  const settings = await findIllnessAlertSettings(deps.db);
  const rows = await findPossibleCases(deps.db, { from: day, to: day, feverFromC: settings.feverFromC, classId });
  return applyClusters(deps, findClusters(rows.map(toCheck), settings), settings, context);
}

/** The scheduled sweep: every class's checks of the last SWEEP_DAYS days, for checks written any other way. */
export async function sweepIllnessAlerts(deps: Deps): Promise<number> {
  const today = todayInShanghai(deps.clock.now());
  const settings = await findIllnessAlertSettings(deps.db);
  const rows = await findPossibleCases(deps.db, {
    from: addDaysIso(today, -(SWEEP_DAYS - 1)),
    to: today,
    feverFromC: settings.feverFromC,
  });
  return applyClusters(deps, findClusters(rows.map(toCheck), settings), settings, SYSTEM_CONTEXT);
}

/** The rule of `actingPartySql`, for one alert. */
function actingParty(scope: Scope, alert: { institution_id: string; division_code: string }): q.Party | null {
  if (scope.institutionIds.includes(alert.institution_id)) return 'institution';
  if (scope.divisionCodes.some((code) => isWithinDivision(alert.division_code, code))) return 'district';
  return scope.cityWide ? 'city' : null;
}

/** Alert rows as the API shows them; the children counted are named for the institution's director only (an audited read). */
async function present(deps: Deps, rows: q.AlertRow[], context: AuditContext): Promise<IllnessAlertView[]> {
  const acks = await q.findAcknowledgements(
    deps.db,
    rows.map((r) => r.id),
  );
  const own = rows.filter((r) => r.party === 'institution');
  const checks = await findChecksWithNames(deps.db, [...new Set(own.map((r) => r.class_id))], [...new Set(own.map((r) => r.alert_on))]);
  const childrenOf = new Map(own.map((alert) => [alert.id, childrenCounted(alert, checks)]));
  const named = [...new Set([...childrenOf.values()].flat().map((c) => c.id))];
  await appendAudit(
    deps.db,
    context,
    named.map((id) => ({ action: 'child.read', entityType: 'child', entityId: id, detail: { via: 'illness_alert' } })),
    deps.clock.now(),
  );
  return rows.map((r) => presentAlert(r, acks, childrenOf.get(r.id)));
}

/** Alerts in the caller's scope, newest first, and how many wait for the caller's acknowledgement. */
export async function listIllnessAlerts(deps: Deps, scope: Scope, query: AlertsQuery, context: AuditContext) {
  const today = todayInShanghai(deps.clock.now());
  const openOnly = query.status === 'open';
  const from = query.from ?? (openOnly ? undefined : addDaysIso(query.to ?? today, -(ALL_WINDOW_DAYS - 1)));
  const rows = await q.findAlerts(deps.db, scope, { from, to: query.to ?? today, openOnly, limit: LIST_LIMIT + 1 });
  const [items, unacknowledged] = await Promise.all([
    present(deps, rows.slice(0, LIST_LIMIT), context),
    q.countUnacknowledged(deps.db, scope),
  ]);
  return { items, unacknowledged, truncated: rows.length > LIST_LIMIT };
}

/**
 * The caller's party acknowledges the alert at its present number of cases. Acknowledging again
 * with nothing new changes nothing (idempotent, not audited); after new cases it records them.
 */
export async function acknowledgeIllnessAlert(deps: Deps, scope: Scope, id: string, context: AuditContext): Promise<IllnessAlertView> {
  const [found] = await q.findAlerts(deps.db, scope, { id, openOnly: false, limit: 1 });
  const party = found ? actingParty(scope, found) : null;
  if (!found || !party) throw new AppError('NOT_FOUND');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const alert = await q.lockAlert(trx, id);
    const [ack] = (await q.findAcknowledgements(trx, [id])).filter((a) => a.party === party);
    if (ack && ack.cases_seen >= alert.cases) return;
    await q.upsertAcknowledgement(trx, {
      alert_id: id,
      party,
      acknowledged_by: scope.actor.userId,
      acknowledged_at: now,
      cases_seen: alert.cases,
    });
    await appendAudit(
      trx,
      context,
      { action: 'illness_alert.acknowledge', entityType: 'illness_alert', entityId: id, detail: { party, cases: alert.cases } },
      now,
    );
  });
  const [row] = await q.findAlerts(deps.db, scope, { id, openOnly: false, limit: 1 });
  const [view] = await present(deps, [row as q.AlertRow], context);
  return view as IllnessAlertView;
}

export async function getIllnessAlertSettings(deps: Deps) {
  return { ...(await findIllnessAlertSettings(deps.db)), defaults: { ...DEFAULT_ILLNESS_ALERT_SETTINGS } };
}

export async function updateIllnessAlertSettings(deps: Deps, body: IllnessAlertSettingsBody, context: AuditContext) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await saveIllnessAlertSettings(trx, body, now);
    await appendAudit(
      trx,
      context,
      { action: 'illness_alert.settings.update', entityType: 'settings', entityId: ILLNESS_ALERT_SETTINGS_KEY, detail: body },
      now,
    );
  });
  return getIllnessAlertSettings(deps);
}
