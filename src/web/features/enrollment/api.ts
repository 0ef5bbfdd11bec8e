/**
 * Enrollment (入托): applications, offers and the institution's board with its waitlist rule;
 * places (moving, ending, the monthly age moves); daily care (attendance, morning checks,
 * incidents); fee statements (收费明细) and the absence rule they apply. Money is integer fen.
 */
import { id, query, request } from '../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types';

export type { ChoiceAction, ChoiceStatus } from '../../../domain/enrollment/applicationWorkflow.ts';
export { WaitlistPriority } from '../../../domain/enrollment/waitlist.ts';

// ── applications and offers ──────────────────────────────────────────────────

export type ApplicationList = ResponseOf<'/api/v1/applications', 'get'>;
export type Application = ItemOf<ApplicationList>;
export type ApplicationChoice = Application['choices'][number];
export type NewApplicationInput = BodyOf<'/api/v1/applications', 'post'>;
/** A child's place in a class (入托); `endDate` is set once it ends. */
export type Enrollment = ResponseOf<'/api/v1/applications/{id}/accept', 'post'>;

/** 申请看板: `statedPriorities` rank the waitlist, highest first, before application time. */
export type ApplicationsBoard = ResponseOf<'/api/v1/institutions/{id}/applications', 'get'>;
export type BoardItem = ItemOf<ApplicationsBoard>;

export const getMyApplications = () => request<ApplicationList>('GET', '/api/v1/applications');
export const postApplication = (input: NewApplicationInput) => request<Application>('POST', '/api/v1/applications', input);
export const acceptOffer = (applicationId: string, institutionId: string) =>
  request<Enrollment>('POST', `/api/v1/applications/${id(applicationId)}/accept`, { institutionId });
export const declineOffer = (applicationId: string, institutionId: string) =>
  request<void>('POST', `/api/v1/applications/${id(applicationId)}/decline-offer`, { institutionId });
export const withdrawApplication = (applicationId: string) =>
  request<void>('POST', `/api/v1/applications/${id(applicationId)}/withdraw`, {});

export const getApplicationsBoard = (institutionId: string) =>
  request<ApplicationsBoard>('GET', `/api/v1/institutions/${id(institutionId)}/applications`);
export const waitlistChoice = (applicationId: string) => request<void>('POST', `/api/v1/applications/${id(applicationId)}/waitlist`);
export const declineChoice = (applicationId: string) => request<void>('POST', `/api/v1/applications/${id(applicationId)}/decline`);
export const offerPlace = (applicationId: string, input: BodyOf<'/api/v1/applications/{id}/offer', 'post'>) =>
  request<void>('POST', `/api/v1/applications/${id(applicationId)}/offer`, input);
export const putWaitlistPriorities = (institutionId: string, priorities: ApplicationsBoard['statedPriorities']) =>
  request<ResponseOf<'/api/v1/institutions/{id}/waitlist-priorities', 'put'>>(
    'PUT',
    `/api/v1/institutions/${id(institutionId)}/waitlist-priorities`,
    { priorities },
  );

// ── places: the institution's children, moving, leaving, age moves ──────────

/** A child holding a place at the institution, for staff. */
export type InstitutionPlace = ItemOf<ResponseOf<'/api/v1/institutions/{id}/enrolments', 'get'>>;
/** A move the child's age asks for in the month: up at 12 or 24 months, or leaving at 3. */
export type AgeMove = ItemOf<ResponseOf<'/api/v1/institutions/{id}/age-moves', 'get'>>;

export const getInstitutionPlaces = (institutionId: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/enrolments', 'get'>>('GET', `/api/v1/institutions/${id(institutionId)}/enrolments`);
export const transferEnrollment = (enrollmentId: string, classId: string) =>
  request<Enrollment>('POST', `/api/v1/enrolments/${id(enrollmentId)}/transfer`, { classId });
export const endEnrollment = (enrollmentId: string, input: BodyOf<'/api/v1/enrolments/{id}/end', 'post'>) =>
  request<Enrollment>('POST', `/api/v1/enrolments/${id(enrollmentId)}/end`, input);
export const getAgeMoves = (institutionId: string, month: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/age-moves', 'get'>>(
    'GET',
    `/api/v1/institutions/${id(institutionId)}/age-moves?${new URLSearchParams({ month })}`,
  );

// ── daily care: attendance, morning checks, incidents ────────────────────────

export type ClassDay = ResponseOf<'/api/v1/classes/{id}/attendance', 'get'>;
export type AttendanceInput = BodyOf<'/api/v1/children/{id}/attendance/{date}', 'put'>;
export type AbsenceReason = Extract<AttendanceInput, { status: 'absent' }>['reason'];
export type PickedUpBy = NonNullable<Extract<AttendanceInput, { status: 'present' }>['pickedUpBy']>;
export type MorningCheckInput = BodyOf<'/api/v1/children/{id}/morning-checks/{date}', 'put'>;
export type Symptom = NonNullable<MorningCheckInput['symptoms']>[number];
export type ChildMonth = ResponseOf<'/api/v1/children/{id}/attendance', 'get'>;

/** 意外事件. `children` holds only those the caller may see: a guardian sees their own child named. */
export type Incident = ResponseOf<'/api/v1/institutions/{id}/incidents', 'post'>;
export type NewIncident = BodyOf<'/api/v1/institutions/{id}/incidents', 'post'>;
export type IncidentKind = Incident['kind'];
export const INCIDENT_KINDS: readonly IncidentKind[] = ['fall', 'injury', 'choking', 'allergy', 'other'];
type IncidentList = ResponseOf<'/api/v1/institutions/{id}/incidents', 'get'>;

export const getClassDay = (classId: string, date?: string) =>
  request<ClassDay>('GET', `/api/v1/classes/${id(classId)}/attendance?${query({ date })}`);
export const putAttendance = (childId: string, date: string, input: AttendanceInput) =>
  request<ResponseOf<'/api/v1/children/{id}/attendance/{date}', 'put'>>(
    'PUT',
    `/api/v1/children/${id(childId)}/attendance/${id(date)}`,
    input,
  );
export const putMorningCheck = (childId: string, date: string, input: MorningCheckInput) =>
  request<ResponseOf<'/api/v1/children/{id}/morning-checks/{date}', 'put'>>(
    'PUT',
    `/api/v1/children/${id(childId)}/morning-checks/${id(date)}`,
    input,
  );
export const getChildMonth = (childId: string, month: string) =>
  request<ChildMonth>('GET', `/api/v1/children/${id(childId)}/attendance?${query({ month })}`);

export const postIncident = (institutionId: string, input: NewIncident) =>
  request<Incident>('POST', `/api/v1/institutions/${id(institutionId)}/incidents`, input);
export const getInstitutionIncidents = (institutionId: string, month: string) =>
  request<IncidentList>('GET', `/api/v1/institutions/${id(institutionId)}/incidents?${new URLSearchParams({ month })}`);
export const markParentsInformed = (incidentId: string, at: string) =>
  request<Incident>('PATCH', `/api/v1/incidents/${id(incidentId)}`, { parentsInformedAt: at });
export const getChildIncidents = (childId: string) => request<IncidentList>('GET', `/api/v1/children/${id(childId)}/incidents`);

// ── fees: statements and the absence rule they apply ─────────────────────────

type FeeRule = ResponseOf<'/api/v1/institutions/{id}/fee-rule', 'get'>;
export type AbsenceRule = BodyOf<'/api/v1/institutions/{id}/absence-rule', 'put'>;
export type GenerateResult = ResponseOf<'/api/v1/institutions/{id}/statements', 'post'>;
export type StatementSummary = ItemOf<ResponseOf<'/api/v1/institutions/{id}/statements', 'get'>>;
export type Statement = ResponseOf<'/api/v1/statements/{id}', 'get'>;

const month = (m: string) => `month=${encodeURIComponent(m)}`;

export const getFeeRule = (institutionId: string) => request<FeeRule>('GET', `/api/v1/institutions/${id(institutionId)}/fee-rule`);
export const putAbsenceRule = (institutionId: string, rule: AbsenceRule) =>
  request<FeeRule>('PUT', `/api/v1/institutions/${id(institutionId)}/absence-rule`, rule);

export const generateStatements = (institutionId: string, m: string) =>
  request<GenerateResult>('POST', `/api/v1/institutions/${id(institutionId)}/statements`, { month: m });
export const getStatements = (institutionId: string, m: string) =>
  request<ResponseOf<'/api/v1/institutions/{id}/statements', 'get'>>(
    'GET',
    `/api/v1/institutions/${id(institutionId)}/statements?${month(m)}`,
  );
export const getStatement = (statementId: string) => request<Statement>('GET', `/api/v1/statements/${id(statementId)}`);
export const getChildStatements = (childId: string) =>
  request<ResponseOf<'/api/v1/children/{id}/statements', 'get'>>('GET', `/api/v1/children/${id(childId)}/statements`);

// ── where a child is placed now ──────────────────────────────────────────────

export type ChildPlace = NonNullable<ResponseOf<'/api/v1/children/{id}/place', 'get'>['place']>;
export const getChildPlace = (childId: string) =>
  request<ResponseOf<'/api/v1/children/{id}/place', 'get'>>('GET', `/api/v1/children/${id(childId)}/place`);
/** A plain link: the browser downloads the workbook with the session cookie. */
export const statementsXlsxHref = (institutionId: string, m: string) =>
  `/api/v1/institutions/${id(institutionId)}/statements.xlsx?${month(m)}`;
