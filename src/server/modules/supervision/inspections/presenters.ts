import {
  isOverdue,
  type OverallResult,
  type RectificationParty,
  type RectificationStatus,
  RectificationWorkflow,
} from '../../../../domain/supervision/checklist.ts';
import type { Db } from '../../../db/executor.ts';
import { findInstitutionNames } from '../../institutions/index.ts';
import { findEvidence, findInspectorsOf, type InspectionRow, type RectificationRow } from './queries.ts';

export async function presentSummaries(db: Db, rows: InspectionRow[]) {
  const names = await findInstitutionNames(
    db,
    rows.map((r) => r.institution_id),
  );
  const inspectors = await findInspectorsOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    id: r.id,
    roundId: r.round_id,
    divisionCode: r.district_code,
    institutionId: r.institution_id,
    institutionName: names.get(r.institution_id)?.name ?? '',
    inspectors: inspectors.filter((i) => i.inspection_id === r.id).map((i) => ({ id: i.id, name: i.name })),
    overall: r.overall as OverallResult | null,
    inspectedOn: r.inspected_on,
    openRectifications: Number(r.open_rectifications),
    overdueRectifications: Number(r.overdue_rectifications),
    kind: r.kind as 'random' | 'targeted',
    complaintId: r.complaint_id,
  }));
}

/** Each rectification with its evidence (text, whether a photo came) and what the caller may do now. */
export async function presentRectifications(
  db: Db,
  rows: RectificationRow[],
  parties: (row: RectificationRow) => RectificationParty[],
  today: string,
) {
  const names = await findInstitutionNames(
    db,
    rows.map((r) => r.institution_id),
  );
  const evidence = await findEvidence(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const status = r.status as RectificationStatus;
    return {
      id: r.id,
      inspectionId: r.inspection_id,
      institutionId: r.institution_id,
      institutionName: names.get(r.institution_id)?.name ?? '',
      itemKey: r.item_key,
      itemLabel: r.item_label,
      requirement: r.requirement,
      deadline: r.deadline,
      status,
      overdue: isOverdue({ status, deadline: r.deadline }, today),
      rejectionReason: r.rejection_reason,
      allowedActions: RectificationWorkflow.allowedActions(status, parties(r)),
      evidence: evidence
        .filter((e) => e.rectification_id === r.id)
        .map((e) => ({ id: e.id, text: e.text, hasPhoto: e.storage_key !== null, submittedAt: e.submitted_at.toISOString() })),
    };
  });
}
