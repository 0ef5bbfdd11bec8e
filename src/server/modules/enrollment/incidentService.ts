import { compareIso, monthRange, toShanghaiDate } from '../../../domain/dates/shanghai.ts';
import type { Deps } from '../../deps.ts';
import type { Scope } from '../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../platform/errors/AppError.ts';
import { auditChildReads, childReach, requireOwnInstitution } from './careAccess.ts';
import { findEnrolmentsAt } from './careQueries.ts';
import * as q from './incidentQueries.ts';
import type { IncidentUpdate, IncidentView, NewIncident } from './incidentSchemas.ts';

function notFuture(deps: Deps, at: Date, path: string) {
  if (at > deps.clock.now()) throw fieldError(path, 'time.future');
}

/** Every child named must have been enrolled at the institution on the day it happened. */
async function requireChildrenThere(deps: Deps, institutionId: string, childIds: string[], day: string) {
  for (const childId of childIds) {
    const enrolments = await findEnrolmentsAt(deps.db, childId, [institutionId]);
    const on = enrolments.some((e) => compareIso(e.start_date, day) <= 0 && (e.end_date === null || compareIso(e.end_date, day) >= 0));
    if (!on) throw new AppError('NOT_FOUND');
  }
}

export async function createIncident(deps: Deps, scope: Scope, institutionId: string, input: NewIncident, context: AuditContext) {
  requireOwnInstitution(scope, institutionId);
  const occurredAt = new Date(input.occurredAt);
  notFuture(deps, occurredAt, 'body.occurredAt');
  const informedAt = input.parentsInformedAt === null ? null : new Date(input.parentsInformedAt);
  if (informedAt) {
    notFuture(deps, informedAt, 'body.parentsInformedAt');
    if (informedAt < occurredAt) throw fieldError('body.parentsInformedAt', 'incident.informedBeforeOccurred');
  }
  await requireChildrenThere(deps, institutionId, input.childIds, toShanghaiDate(occurredAt));
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const incident = await trx
      .insertInto('incidents')
      .values({
        institution_id: institutionId,
        occurred_at: occurredAt,
        kind: input.kind,
        description: input.description,
        action_taken: input.actionTaken,
        parents_informed_at: informedAt,
        reported_by: scope.actor.userId,
        reported_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('incident_children')
      .values(input.childIds.map((childId) => ({ incident_id: incident.id, child_id: childId })))
      .execute();
    await appendAudit(
      trx,
      context,
      input.childIds.map((childId) => ({
        action: 'incident.create',
        entityType: 'child',
        entityId: childId,
        detail: { incidentId: incident.id, kind: input.kind },
      })),
      now,
    );
    return incident.id;
  });
  return getIncidentView(deps, id);
}

export async function updateIncident(deps: Deps, scope: Scope, id: string, input: IncidentUpdate, context: AuditContext) {
  const incident = await q.findIncident(deps.db, id);
  if (!incident || !scope.institutionIds.includes(incident.institution_id)) throw new AppError('NOT_FOUND');
  const informedAt = input.parentsInformedAt === undefined ? undefined : new Date(input.parentsInformedAt);
  if (informedAt) {
    notFuture(deps, informedAt, 'body.parentsInformedAt');
    if (informedAt < new Date(incident.occurred_at)) throw fieldError('body.parentsInformedAt', 'incident.informedBeforeOccurred');
  }
  const children = await q.findIncidentChildren(deps.db, [id]);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('incidents')
      .set({
        ...(informedAt ? { parents_informed_at: informedAt } : {}),
        ...(input.actionTaken ? { action_taken: input.actionTaken } : {}),
        ...(input.description ? { description: input.description } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(
      trx,
      context,
      children.map((c) => ({
        action: 'incident.update',
        entityType: 'child',
        entityId: c.id,
        detail: { incidentId: id, fields: Object.keys(input) },
      })),
      now,
    );
  });
  return getIncidentView(deps, id);
}

export async function listIncidents(deps: Deps, scope: Scope, institutionId: string, month: string, context: AuditContext) {
  requireOwnInstitution(scope, institutionId);
  const { first, last } = monthRange(month);
  // Month bounds are Shanghai midnights, whatever the server's zone.
  const from = new Date(`${first}T00:00:00+08:00`);
  const to = new Date(new Date(`${last}T00:00:00+08:00`).getTime() + 86_400_000);
  const rows = await q.findIncidentsOfInstitution(deps.db, institutionId, from, to);
  const children = await q.findIncidentChildren(
    deps.db,
    rows.map((r) => r.id),
  );
  await auditChildReads(
    deps,
    context,
    children.map((c) => c.id),
    'incidents',
  );
  return rows.map((r) => present(r, children));
}

/** Incidents that involved the child; other children involved are not named to a guardian. */
export async function listChildIncidents(deps: Deps, scope: Scope, childId: string, context: AuditContext) {
  const reach = await childReach(deps, scope, childId);
  const rows = await q.findIncidentsOfChild(deps.db, childId, reach.institutionIds);
  const children = await q.findIncidentChildren(
    deps.db,
    rows.map((r) => r.id),
  );
  const shown = reach.institutionIds === null ? children.filter((c) => c.id === childId) : children;
  await auditChildReads(deps, context, [childId, ...shown.map((c) => c.id)], 'incidents');
  return rows.map((r) => present(r, shown));
}

/** The incident as just written; its writing was audited for each child named. */
async function getIncidentView(deps: Deps, id: string): Promise<IncidentView> {
  const row = await q.findIncident(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row, await q.findIncidentChildren(deps.db, [id]));
}

function present(r: q.IncidentRow, children: { incident_id: string; id: string; name: string }[]): IncidentView {
  return {
    id: r.id,
    institutionId: r.institution_id,
    institutionName: r.institution_name,
    occurredAt: new Date(r.occurred_at).toISOString(),
    kind: r.kind as IncidentView['kind'],
    description: r.description,
    actionTaken: r.action_taken,
    parentsInformedAt: r.parents_informed_at ? new Date(r.parents_informed_at).toISOString() : null,
    children: children.filter((c) => c.incident_id === r.id).map((c) => ({ id: c.id, name: c.name })),
    reportedByName: r.reported_by_name,
    reportedAt: new Date(r.reported_at).toISOString(),
  };
}
