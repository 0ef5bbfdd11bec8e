import {
  type ComplaintAction,
  type ComplaintCategory,
  type ComplaintParty,
  type ComplaintStatus,
  ComplaintWorkflow,
  currentDue,
  isOverdue,
} from '../../../../domain/complaints/complaintWorkflow.ts';
import type { IsoDate } from '../../../../domain/dates/shanghai.ts';
import type { ComplaintListRow } from './queries.ts';

export type Viewer = { party: ComplaintParty | null; userId: string; phone: string };

export function isComplainant(
  row: { complainant_user_id: string | null; complainant_phone: string },
  viewer: { userId: string; phone: string },
) {
  return row.complainant_user_id === viewer.userId || row.complainant_phone === viewer.phone;
}

/** The actions a party may take now; extending is once only. */
export function allowedActionsFor(row: { status: string; extended: boolean }, party: ComplaintParty): ComplaintAction[] {
  return ComplaintWorkflow.allowedActions(row.status as ComplaintStatus, [party], (step) => !(step.onlyOnce && row.extended));
}

/**
 * One complaint as its reader may see it: officials with the complainant's name and number and
 * the actions they may take; the complainant without either. No other reader exists.
 */
export function complaintView(
  row: ComplaintListRow,
  extras: {
    history: { action: string; note: string | null; acted_at: Date | string }[];
    photoIds: string[];
    inspection: { id: string; overall: string | null; inspected_on: string | null } | undefined;
    mayActForDistrict: boolean;
  },
  viewer: Viewer,
  today: IsoDate,
) {
  const status = row.status as ComplaintStatus;
  const deadlines = { status, acceptDue: row.accept_due, resolveDue: row.resolve_due };
  const official = viewer.party !== null;
  return {
    id: row.id,
    reference: row.reference,
    institution: { id: row.institution_id, name: row.institution_name },
    district: { code: row.district_code, name: row.district_name ?? row.district_code },
    category: row.category as ComplaintCategory,
    text: row.text,
    status,
    submittedAt: new Date(row.submitted_at).toISOString(),
    acceptDue: row.accept_due,
    resolveDue: row.resolve_due,
    due: currentDue(deadlines),
    overdue: isOverdue(deadlines, today),
    extended: row.extended,
    escalated: row.escalated,
    answer: row.answer,
    upheld: row.upheld,
    rating: row.rating,
    ratingComment: row.rating_comment,
    photoIds: extras.photoIds,
    history: extras.history.map((h) => ({ action: h.action as ComplaintAction, note: h.note, at: new Date(h.acted_at).toISOString() })),
    complainant: official ? { name: row.complainant_name, phone: row.complainant_phone } : null,
    allowedActions: viewer.party ? allowedActionsFor(row, viewer.party) : [],
    mayRate: status === 'resolved' && row.rating === null && isComplainant(row, viewer),
    inspection: extras.inspection
      ? {
          id: extras.inspection.id,
          overall: extras.inspection.overall as 'pass' | 'rectify' | 'fail' | null,
          inspectedOn: extras.inspection.inspected_on,
        }
      : null,
    mayOrderInspection: extras.mayActForDistrict && status === 'accepted' && !extras.inspection,
  };
}
