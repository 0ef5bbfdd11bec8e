/**
 * Daily care and places beyond what the shared client covers: pick-up persons, the child's access
 * log, incidents, moving and ending places, the monthly age-move list, the absence rule and the
 * waitlist priorities.
 * Shapes follow src/server/modules/enrollment/*Schemas.ts; money is integer fen.
 */
import type { WaitlistPriority } from '../../../domain/enrollment/waitlist.ts';
import { type BoardItem, type ClassType, type Enrolment, request } from '../../api/client';

const id = encodeURIComponent;

// ── the child's record: who read it, who may collect the child ──────────────

/** One read or change of the child's record, newest first (the audit log's entries on the child). */
export type AccessLogEntry = { at: string; action: string; actorName: string | null; actorRole: string | null };

export type PickupRelation = 'mother' | 'father' | 'grandparent' | 'relative' | 'nanny' | 'other';
export const PICKUP_RELATIONS: readonly PickupRelation[] = ['mother', 'father', 'grandparent', 'relative', 'nanny', 'other'];

/** 接送人. The resident ID only ever arrives masked; the full number never leaves the server. */
export type PickupPerson = {
  id: string;
  childId: string;
  name: string;
  relation: PickupRelation;
  phone: string;
  residentIdMasked: string | null;
  authorisedAt: string;
  authorisedByName: string;
  revokedAt: string | null;
};

export type NewPickupPerson = { name: string; relation: PickupRelation; phone: string; residentId?: string };

export const getAccessLog = (childId: string) => request<{ items: AccessLogEntry[] }>('GET', `/api/v1/children/${id(childId)}/access-log`);
export const getPickupPersons = (childId: string) =>
  request<{ items: PickupPerson[] }>('GET', `/api/v1/children/${id(childId)}/pickup-persons`);
export const postPickupPerson = (childId: string, input: NewPickupPerson) =>
  request<PickupPerson>('POST', `/api/v1/children/${id(childId)}/pickup-persons`, input);
export const deletePickupPerson = (childId: string, personId: string) =>
  request<void>('DELETE', `/api/v1/children/${id(childId)}/pickup-persons/${id(personId)}`);

// ── incidents ────────────────────────────────────────────────────────────────

export type IncidentKind = 'fall' | 'injury' | 'choking' | 'allergy' | 'other';
export const INCIDENT_KINDS: readonly IncidentKind[] = ['fall', 'injury', 'choking', 'allergy', 'other'];

/** 意外事件. `children` holds only those the caller may see: a guardian sees their own child named. */
export type Incident = {
  id: string;
  institutionId: string;
  institutionName: string;
  occurredAt: string;
  kind: IncidentKind;
  description: string;
  actionTaken: string;
  parentsInformedAt: string | null;
  children: Array<{ id: string; name: string }>;
  reportedByName: string;
  reportedAt: string;
};

export type NewIncident = {
  occurredAt: string;
  childIds: string[];
  kind: IncidentKind;
  description: string;
  actionTaken: string;
  parentsInformedAt: string | null;
};

export const postIncident = (institutionId: string, input: NewIncident) =>
  request<Incident>('POST', `/api/v1/institutions/${id(institutionId)}/incidents`, input);
export const getInstitutionIncidents = (institutionId: string, month: string) =>
  request<{ items: Incident[] }>('GET', `/api/v1/institutions/${id(institutionId)}/incidents?${new URLSearchParams({ month })}`);
export const markParentsInformed = (incidentId: string, at: string) =>
  request<Incident>('PATCH', `/api/v1/incidents/${id(incidentId)}`, { parentsInformedAt: at });
export const getChildIncidents = (childId: string) => request<{ items: Incident[] }>('GET', `/api/v1/children/${id(childId)}/incidents`);

// ── places: transfer, leaving, age moves ─────────────────────────────────────

export const transferEnrolment = (enrolmentId: string, classId: string) =>
  request<Enrolment>('POST', `/api/v1/enrolments/${id(enrolmentId)}/transfer`, { classId });
export const endEnrolment = (enrolmentId: string, input: { endDate: string; reason: string }) =>
  request<Enrolment>('POST', `/api/v1/enrolments/${id(enrolmentId)}/end`, input);

/** A move the child's age asks for in the month: up at 12 or 24 months, or leaving at 3. */
export type AgeMove = {
  enrolmentId: string;
  childId: string;
  childName: string;
  birthDate: string;
  classId: string;
  className: string;
  classType: ClassType;
  kind: 'move_up' | 'leave';
  months: number;
  on: string;
  toClassType: ClassType | null;
};

export const getAgeMoves = (institutionId: string, month: string) =>
  request<{ items: AgeMove[] }>('GET', `/api/v1/institutions/${id(institutionId)}/age-moves?${new URLSearchParams({ month })}`);

// ── fees: the absence rule that fee statements apply ─────────────────────────

export type AbsenceRule = { refundAfterDays: number; refundPercent: number };
export type FeeRule = AbsenceRule & { fees: Record<ClassType, number | null> };

export const getFeeRule = (institutionId: string) => request<FeeRule>('GET', `/api/v1/institutions/${id(institutionId)}/fee-rule`);
export const putAbsenceRule = (institutionId: string, rule: AbsenceRule) =>
  request<FeeRule>('PUT', `/api/v1/institutions/${id(institutionId)}/absence-rule`, rule);

// ── the waitlist: the priorities the institution states ──────────────────────

export { WaitlistPriority } from '../../../domain/enrollment/waitlist.ts';

/** 申请看板: `statedPriorities` rank the waitlist, highest first, before application time. */
export type ApplicationsBoard = { items: BoardItem[]; statedPriorities: WaitlistPriority[] };

export const getApplicationsBoard = (institutionId: string) =>
  request<ApplicationsBoard>('GET', `/api/v1/institutions/${id(institutionId)}/applications`);
export const putWaitlistPriorities = (institutionId: string, priorities: WaitlistPriority[]) =>
  request<{ priorities: WaitlistPriority[] }>('PUT', `/api/v1/institutions/${id(institutionId)}/waitlist-priorities`, { priorities });
