import type { IncidentRow } from './queries.ts';
import type { IncidentView } from './schemas.ts';

export function presentIncident(r: IncidentRow, children: { incident_id: string; id: string; name: string }[]): IncidentView {
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
