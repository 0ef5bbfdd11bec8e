import { monthRange, toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import type { Deps } from '../../../deps.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { type AuditContext, appendAudit } from '../../../platform/audit/auditLog.ts';
import { AppError, fieldError } from '../../../platform/errors/AppError.ts';
import { auditChildReads, childReach } from '../../children/index.ts';
import { enrolledOn, requireOwnInstitution } from '../common/access.ts';
import { findEnrollmentsAt } from '../common/queries.ts';
import { presentIncident } from './presenters.ts';
import * as q from './queries.ts';
import type { IncidentUpdate, IncidentView, NewIncident } from './schemas.ts';

function notFuture(deps: Deps, at: Date, path: string) {
  if (at > deps.clock.now()) throw fieldError(path, 'time.future');
}

/** Every child named must have been enrolled at the institution on the day it happened. */
async function requireChildrenThere(deps: Deps, institutionId: string, childIds: string[], day: string) {
  for (const childId of childIds) {
    const enrollments = await findEnrollmentsAt(deps.db, childId, [institutionId]);
    if (!enrollments.some((e) => enrolledOn(e, day))) throw new AppError('NOT_FOUND');
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
    const incidentId = await q.insertIncident(
      trx,
      {
        institution_id: institutionId,
        occurred_at: occurredAt,
        kind: input.kind,
        description: input.description,
        action_taken: input.actionTaken,
        parents_informed_at: informedAt,
        reported_by: scope.actor.userId,
        reported_at: now,
        updated_at: now,
      },
      input.childIds,
    );
    await appendAudit(
      trx,
      context,
      input.childIds.map((childId) => ({
        action: 'incident.create',
        entityType: 'child',
        entityId: childId,
        detail: { incidentId, kind: input.kind },
      })),
      now,
    );
    return incidentId;
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
    await q.updateIncident(trx, id, {
      ...(informedAt ? { parents_informed_at: informedAt } : {}),
      ...(input.actionTaken ? { action_taken: input.actionTaken } : {}),
      ...(input.description ? { description: input.description } : {}),
      updated_at: now,
    });
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
  return rows.map((r) => presentIncident(r, children));
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
  return rows.map((r) => presentIncident(r, shown));
}

/** The incident as just written; its writing was audited for each child named. */
async function getIncidentView(deps: Deps, id: string): Promise<IncidentView> {
  const row = await q.findIncident(deps.db, id);
  if (!row) throw new AppError('NOT_FOUND');
  return presentIncident(row, await q.findIncidentChildren(deps.db, [id]));
}
