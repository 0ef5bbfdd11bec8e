import type { ApplicationStatus, SubsidyKind } from '../../../../domain/subsidies/institutionSubsidies.ts';
import { SubsidyApplicationWorkflow } from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { Scope } from '../../../platform/access/access.ts';
import { rolesFor } from './access.ts';
import type { ApplicationRow, findEvents, findFiles } from './queries.ts';
import type { SubsidyApplicationView } from './schemas.ts';

type EventRow = Awaited<ReturnType<typeof findEvents>>[number];
type FileRow = Awaited<ReturnType<typeof findFiles>>[number];

/** Applications with their history and documents, and the actions the caller may take on each. */
export function presentApplications(scope: Scope, rows: ApplicationRow[], events: EventRow[], files: FileRow[]): SubsidyApplicationView[] {
  return rows.map((a) => ({
    id: a.id,
    institutionId: a.institution_id,
    institutionName: a.institution_name,
    districtCode: a.district_code,
    kind: a.kind as SubsidyKind,
    periodFrom: a.period_from,
    periodTo: a.period_to,
    details: (typeof a.details === 'string' ? JSON.parse(a.details) : a.details) as SubsidyApplicationView['details'],
    description: a.description,
    requestedFen: a.requested_fen,
    suggestedFen: a.suggested_fen,
    approvedFen: a.approved_fen,
    status: a.status as ApplicationStatus,
    allowedActions: SubsidyApplicationWorkflow.allowedActions(a.status as ApplicationStatus, rolesFor(scope, a)),
    submittedAt: new Date(a.submitted_at).toISOString(),
    events: events
      .filter((e) => e.application_id === a.id)
      .map((e) => ({
        action: e.action,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        actorName: e.actor_name,
        note: e.note,
        amountFen: e.amount_fen,
        at: new Date(e.at).toISOString(),
      })),
    files: files
      .filter((f) => f.application_id === a.id)
      .map((f) => ({
        id: f.id,
        filename: f.filename,
        contentType: f.content_type,
        sizeBytes: f.size_bytes,
        createdAt: new Date(f.created_at).toISOString(),
      })),
  }));
}
