/**
 * The one HTTP client of the web app. Every call goes through `request`, so every failure
 * arrives as an `ApiError` whose `message` is already in the user's language (the server reads
 * the `lang` cookie) and can be shown as is.
 */
import type { ClassType } from '../../domain/classes/classTypes.ts';
import type { GrowthClass } from '../../domain/growth/classify.ts';
import type { ServiceForm } from '../../domain/institutions/vocabulary.ts';
import i18n from '../i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type ErrorBody = { error?: { code?: unknown; message?: unknown; details?: unknown } };

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  }
  if (response.status === 204) return undefined as T;
  const parsed: unknown = await response.json().catch(() => undefined);
  if (response.ok) return parsed as T;
  const error = (parsed as ErrorBody | undefined)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') {
    throw new ApiError(response.status, error.code, error.message, error.details);
  }
  // A proxy or crashed process answers without our error shape; say so rather than show nothing.
  throw new ApiError(response.status, 'UNEXPECTED_RESPONSE', i18n.t('errors.unexpected', { status: response.status }));
}

// ── platform ─────────────────────────────────────────────────────────────────

export type Meta = { demo: boolean; version: string };
export type Health = { status: 'ok'; database: 'ok' };

export const getMeta = () => request<Meta>('GET', '/api/v1/meta');
export const getHealth = () => request<Health>('GET', '/api/v1/health');

// ── auth ─────────────────────────────────────────────────────────────────────

export type Role = 'parent' | 'institution_admin' | 'caregiver' | 'district_official' | 'city_official' | 'admin';

/** One role a user holds, with the division or institution it is limited to. */
export type RoleGrant = {
  role: Role;
  divisionCode?: string;
  divisionName?: string;
  institutionId?: string;
  institutionName?: string;
};

export type Me = { id: string; phone: string; name: string; roles: RoleGrant[]; totpEnabled: boolean };

export type LoginInput = { phone: string; password: string; totp?: string };
export type TotpSetup = { secret: string; otpauthUrl: string };

export const login = (input: LoginInput) => request<Me>('POST', '/api/v1/auth/login', input);
export const logout = () => request<void>('POST', '/api/v1/auth/logout');
export const logoutAll = () => request<void>('POST', '/api/v1/auth/logout-all');
export const getMe = () => request<Me>('GET', '/api/v1/auth/me');
export const setupTotp = () => request<TotpSetup>('POST', '/api/v1/auth/totp/setup');
export const enableTotp = (code: string) => request<void>('POST', '/api/v1/auth/totp/enable', { code });

// ── geography ────────────────────────────────────────────────────────────────

export type DivisionLevel = 'city' | 'district' | 'township';
export type Population = { year: number; total: number; under3: number; isDemo: boolean };

export type DivisionNode = {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Full pinyin without tones, syllables separated by spaces, e.g. "hai zhou qu". */
  pinyin: string;
  /** First letter of each syllable, e.g. "hzq". */
  initials: string;
  population: Population | null;
  children: DivisionNode[];
};

export type DivisionTree = { asOf: string; populationYear: number | null; tree: DivisionNode[] };

export type Division = {
  code: string;
  name: string;
  level: DivisionLevel;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  population: Population[];
  children: Array<{ code: string; name: string; level: DivisionLevel; population: Population | null }>;
};

export const getDivisions = () => request<DivisionTree>('GET', '/api/v1/divisions');
export const getDivision = (code: string) => request<Division>('GET', `/api/v1/divisions/${encodeURIComponent(code)}`);

// ── audit ────────────────────────────────────────────────────────────────────

export type AuditEntry = {
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  hash: string;
};

export const getAudit = (limit: number) => request<{ items: AuditEntry[] }>('GET', `/api/v1/audit?limit=${limit}`);

// ── health ───────────────────────────────────────────────────────────────────

export type Sex = 'male' | 'female';
/** recumbent 卧位 (length, usual under 2 years) | standing 立位 (height). */
export type Position = 'recumbent' | 'standing';

export type ZscoreInput = {
  sex: Sex;
  ageDays?: number;
  birthDate?: string;
  measuredOn?: string;
  weightKg?: number;
  lengthCm?: number;
  position?: Position;
  headCm?: number;
};

export type GrowthIndicator = 'weightForAge' | 'lengthForAge' | 'weightForLength' | 'bmiForAge' | 'headForAge';

/** One indicator's result. `classification` is the WHO cut-off label (domain/growth/classify.ts). */
export type GrowthScore = { z: number; percentile: number; flag: boolean; classification?: GrowthClass };

export type ZscoreResult = {
  ageDays: number;
  measuredOn?: string;
  weightForAge?: GrowthScore;
  lengthForAge?: GrowthScore;
  /** Uses the length table before 731 days and the height table from 731 days. */
  weightForLength?: GrowthScore & { table?: 'weightForLength' | 'weightForHeight' };
  bmiForAge?: GrowthScore;
  headForAge?: GrowthScore;
  /** A standing measurement before 9 months was treated as position unknown. */
  standingUnder9Months?: true;
};

export type CurveIndicator = 'weightForAge' | 'lengthForAge' | 'weightForLength' | 'weightForHeight' | 'bmiForAge' | 'headForAge';

/** WHO −3 … +3 SD lines; x is age in whole days or length/height in cm, as `xUnit` says. */
export type GrowthCurves = {
  indicator: CurveIndicator;
  sex: Sex;
  xUnit: 'day' | 'cm';
  yUnit: 'kg' | 'cm' | 'kg/m2';
  lines: Array<{ sd: number; points: Array<[number, number]> }>;
};

/** Text in both product languages, as the server sends it for official wording. */
export type Bilingual = { 'zh-CN': string; en: string };

export type HealthCheckStatus = 'done' | 'due' | 'overdue' | 'missed' | 'upcoming';

export type HealthCheckVisit = {
  key: string;
  name: Bilingual;
  place: Bilingual;
  targetDate: string;
  windowStart: string;
  windowEnd: string;
  status: HealthCheckStatus;
  doneOn?: string;
};

export type HealthCheckSchedule = {
  birthDate: string;
  today: string;
  ageMonths: number;
  visits: HealthCheckVisit[];
  next: HealthCheckVisit | null;
  unmatchedDates: string[];
};

export type WarningSign = { id: string; text: Bilingual };
export type WarningSignChecklist = { ageMonths: number; label: Bilingual; signs: WarningSign[] };
export type WarningSigns = { ageMonths: number | null; checklist: WarningSignChecklist | null; checklists: WarningSignChecklist[] };
export type WarningSignAssessment = { checkAgeMonths: number; referral: boolean; advice: Bilingual; signs: WarningSign[] };

const query = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) search.set(key, value);
  return search.toString();
};

export const postZscores = (input: ZscoreInput) => request<ZscoreResult>('POST', '/api/v1/growth/zscores', input);
export const getGrowthCurves = (indicator: CurveIndicator, sex: Sex) =>
  request<GrowthCurves>('GET', `/api/v1/growth/curves?${query({ indicator, sex })}`);
export const getHealthCheckSchedule = (birthDate: string, done: readonly string[] = []) =>
  request<HealthCheckSchedule>(
    'GET',
    `/api/v1/health-checks/schedule?${query({ birthDate, done: done.length ? done.join(',') : undefined })}`,
  );
export const getWarningSigns = (birthDate: string) => request<WarningSigns>('GET', `/api/v1/warning-signs?${query({ birthDate })}`);
export const assessWarningSigns = (ageMonths: number, ticked: readonly string[]) =>
  request<WarningSignAssessment>('POST', '/api/v1/warning-signs/assess', { ageMonths, ticked });

// ── children, growth records, illness alerts ─────────────────────────────────

/** A guardian's child as the family pages need it (the API sends more: residence, guardians). */
export type MyChild = { id: string; name: string; sex: Sex; birthDate: string; ageMonths: number };

/** A child holding a place at the institution, for staff. */
export type InstitutionPlace = {
  id: string;
  childId: string;
  childName: string;
  birthDate: string;
  classId: string;
  className: string;
  classType: string;
  startDate: string;
};

/** WHO findings at one measurement; an implausible score raises `implausible` instead of a finding. */
export type GrowthRecordFlags = { underweight: boolean; stunting: boolean; wasting: boolean; overweight: boolean; implausible: boolean };

/** One stored measurement with its WHO scores for the child's sex and age that day. */
export type Measurement = {
  id: string;
  measuredOn: string;
  ageDays: number;
  weightKg: number | null;
  lengthCm: number | null;
  position: Position | null;
  headCm: number | null;
  source: 'parent' | 'institution';
  institutionName: string | null;
  recordedByName: string;
  createdAt: string;
  scores: Pick<ZscoreResult, GrowthIndicator>;
  standingUnder9Months?: true;
  flags: GrowthRecordFlags;
};

export type GrowthRecord = { child: { id: string; name: string; sex: Sex; birthDate: string }; items: Measurement[] };
export type MeasurementInput = { measuredOn: string; weightKg?: number; lengthCm?: number; position?: Position; headCm?: number };

export type IllnessKind = 'fever' | 'cough' | 'rash' | 'vomiting' | 'diarrhoea' | 'runny_nose' | 'red_eyes' | 'mouth_sores';
export type AlertParty = 'institution' | 'district' | 'city';
export type AlertAcknowledgement = { byName: string; at: string; casesSeen: number; current: boolean } | null;

export type IllnessAlert = {
  id: string;
  day: string;
  kind: IllnessKind;
  cases: number;
  threshold: number;
  feverFromC: number;
  institution: { id: string; name: string };
  class: { id: string; name: string };
  township: { code: string; name: string | null };
  raisedAt: string;
  updatedAt: string;
  acknowledgements: Record<AlertParty, AlertAcknowledgement>;
  /** Who the signed-in user acknowledges as. */
  party: AlertParty;
  acknowledged: boolean;
  /** Directors only; officials get counts, never names. */
  children?: Array<{ id: string; name: string }>;
};

export type IllnessAlertList = { items: IllnessAlert[]; unacknowledged: number; truncated: boolean };

export const getMyChildren = () => request<{ items: MyChild[] }>('GET', '/api/v1/children');
export const getInstitutionPlaces = (institutionId: string) =>
  request<{ items: InstitutionPlace[] }>('GET', `/api/v1/institutions/${encodeURIComponent(institutionId)}/enrolments`);
export const getGrowthRecord = (childId: string) =>
  request<GrowthRecord>('GET', `/api/v1/children/${encodeURIComponent(childId)}/measurements`);
export const postMeasurement = (childId: string, input: MeasurementInput) =>
  request<Measurement>('POST', `/api/v1/children/${encodeURIComponent(childId)}/measurements`, input);
export const getIllnessAlerts = (status: 'open' | 'all') => request<IllnessAlertList>('GET', `/api/v1/illness-alerts?${query({ status })}`);
export const acknowledgeIllnessAlert = (id: string) =>
  request<IllnessAlert>('POST', `/api/v1/illness-alerts/${encodeURIComponent(id)}/acknowledge`);

// ── enrolment: children, applications, offers, places ────────────────────────

export type { ClassType };
export type ChoiceStatus = 'new' | 'waitlisted' | 'offered' | 'accepted' | 'declined' | 'withdrawn' | 'expired';
export type ChoiceAction = 'waitlist' | 'offer' | 'decline' | 'accept' | 'decline_offer' | 'withdraw' | 'expire';
export type GuardianRelation = 'mother' | 'father' | 'grandparent' | 'other';

/** The child as a guardian sees the full record (`GET /children/:id`, `POST /children`). */
export type ChildRecord = MyChild & {
  residentIdMasked: string | null;
  residenceDivisionCode: string;
  residenceDivisionName: string | null;
  guardians: Array<{ name: string; relation: GuardianRelation; consentedAt: string }>;
};

export type NewChildInput = {
  name: string;
  sex: Sex;
  birthDate: string;
  residentId?: string;
  residenceDivisionCode: string;
  relation: GuardianRelation;
  consent: true;
};

export type ApplicationChoice = {
  id: string;
  institutionId: string;
  institutionName: string;
  rank: number;
  status: ChoiceStatus;
  waitlistPosition: number | null;
  offer: { classId: string; className: string; classType: string; expiresAt: string } | null;
  /** What the caller may do next, from the server's workflow table. */
  allowedActions: ChoiceAction[];
};

export type Application = {
  id: string;
  childId: string;
  childName: string;
  startDate: string;
  siblingAttends: boolean;
  staffChild: boolean;
  createdAt: string;
  choices: ApplicationChoice[];
};

export type NewApplicationInput = {
  childId: string;
  institutionIds: string[];
  startDate: string;
  siblingAttends?: boolean;
  staffChild?: boolean;
};

export type BoardItem = {
  applicationId: string;
  choiceId: string;
  childId: string;
  childName: string;
  birthDate: string;
  startDate: string;
  ageMonthsAtStart: number;
  /** Class types the child fits on the start date. */
  classTypes: string[];
  rank: number;
  status: ChoiceStatus;
  priorities: string[];
  waitlistPosition: number | null;
  appliedAt: string;
  offer: { classId: string; className: string; expiresAt: string } | null;
  allowedActions: ChoiceAction[];
};

export type Enrolment = {
  id: string;
  childId: string;
  institutionId: string;
  classId: string;
  className: string;
  classType: string;
  startDate: string;
  endDate: string | null;
};

/** A class of the institution's record, with its places (the director's view). */
export type InstitutionClass = {
  id: string;
  classType: ClassType;
  name: string;
  capacity: number;
  enrolled: number;
  vacancies: number;
  archived: boolean;
};

export type InstitutionSearchItem = { id: string; name: string; divisionCode: string; vacancies: Partial<Record<ClassType, number>> };

const id = encodeURIComponent;

export const getChild = (childId: string) => request<ChildRecord>('GET', `/api/v1/children/${id(childId)}`);
export const getMyChildRecords = () => request<{ items: ChildRecord[] }>('GET', '/api/v1/children');
export const postChild = (input: NewChildInput) => request<ChildRecord>('POST', '/api/v1/children', input);
export const getMyApplications = () => request<{ items: Application[] }>('GET', '/api/v1/applications');
export const postApplication = (input: NewApplicationInput) => request<Application>('POST', '/api/v1/applications', input);
export const acceptOffer = (applicationId: string, institutionId: string) =>
  request<Enrolment>('POST', `/api/v1/applications/${id(applicationId)}/accept`, { institutionId });
export const declineOffer = (applicationId: string, institutionId: string) =>
  request<Application>('POST', `/api/v1/applications/${id(applicationId)}/decline-offer`, { institutionId });
export const withdrawApplication = (applicationId: string) =>
  request<Application>('POST', `/api/v1/applications/${id(applicationId)}/withdraw`, {});
export const searchInstitutions = (division?: string) =>
  request<{ total: number; items: InstitutionSearchItem[] }>('GET', `/api/v1/institutions/search?${query({ division, pageSize: '100' })}`);
export const getBoard = (institutionId: string) =>
  request<{ items: BoardItem[] }>('GET', `/api/v1/institutions/${id(institutionId)}/applications`);
export const waitlistChoice = (applicationId: string) => request<void>('POST', `/api/v1/applications/${id(applicationId)}/waitlist`);
export const declineChoice = (applicationId: string) => request<void>('POST', `/api/v1/applications/${id(applicationId)}/decline`);
export const offerPlace = (applicationId: string, input: { classId: string; expiresAt: string }) =>
  request<unknown>('POST', `/api/v1/applications/${id(applicationId)}/offer`, input);
export const getInstitutionClasses = (institutionId: string) =>
  request<{ classes: InstitutionClass[] }>('GET', `/api/v1/institutions/${id(institutionId)}/record`);

// ── daily care: attendance and morning checks ────────────────────────────────

export type AbsenceReason = 'sick' | 'leave' | 'other';
export type Symptom = IllnessKind;
export type PickedUpBy = { kind: 'guardian'; userId: string } | { kind: 'pickup_person'; personId: string };

export type AttendanceRecord = {
  childId: string;
  date: string;
  status: 'present' | 'absent';
  checkedInAt: string | null;
  checkedOutAt: string | null;
  pickedUpBy: { kind: 'guardian' | 'pickup_person'; id: string; name: string; relation: string | null } | null;
  absenceReason: AbsenceReason | null;
  note: string | null;
  recordedByName: string;
  recordedAt: string;
};

export type MorningCheck = {
  childId: string;
  date: string;
  temperatureC: number;
  symptoms: Symptom[];
  note: string | null;
  checkedByName: string;
  checkedAt: string;
};

export type ClassDay = {
  class: { id: string; institutionId: string; name: string; classType: ClassType };
  date: string;
  counts: { children: number; present: number; absent: number; notRecorded: number; checkedOut: number };
  children: Array<{
    child: { id: string; name: string; sex: Sex; birthDate: string; ageMonths: number };
    attendance: AttendanceRecord | null;
    morningCheck: MorningCheck | null;
    pickup: {
      guardians: Array<{ userId: string; name: string; relation: string }>;
      persons: Array<{ id: string; name: string; relation: string; phone: string }>;
    };
  }>;
};

export type AttendanceInput =
  | { status: 'present'; checkedInAt: string; checkedOutAt?: string | null; pickedUpBy?: PickedUpBy | null; note?: string }
  | { status: 'absent'; reason: AbsenceReason; note?: string };

export type ChildMonth = {
  childId: string;
  month: string;
  summary: { present: number; absent: number; sick: number; leave: number; other: number };
  days: Array<{ date: string; attendance: AttendanceRecord | null; morningCheck: MorningCheck | null }>;
};

export const getClassDay = (classId: string, date?: string) =>
  request<ClassDay>('GET', `/api/v1/classes/${id(classId)}/attendance?${query({ date })}`);
export const putAttendance = (childId: string, date: string, input: AttendanceInput) =>
  request<AttendanceRecord>('PUT', `/api/v1/children/${id(childId)}/attendance/${id(date)}`, input);
export const putMorningCheck = (childId: string, date: string, input: { temperatureC: number; symptoms: Symptom[]; note?: string }) =>
  request<MorningCheck>('PUT', `/api/v1/children/${id(childId)}/morning-checks/${id(date)}`, input);
export const getChildMonth = (childId: string, month: string) =>
  request<ChildMonth>('GET', `/api/v1/children/${id(childId)}/attendance?${query({ month })}`);

// ── institutions (registry, filing, public search) ───────────────────────────

export type InstitutionStatus = 'draft' | 'submitted' | 'under_review' | 'returned' | 'filed' | 'suspended' | 'closed';
export type FilingActionName = 'submit' | 'start_review' | 'file' | 'return' | 'discard_changes' | 'suspend' | 'reinstate' | 'close';
export type YuanByType = Partial<Record<ClassType, number>>;
export type DesignationBrief = { kind: 'inclusive' | 'pilot' | 'demonstration'; level: 'city' | 'provincial' | 'national' | null };

export type SearchQueryInput = {
  lat?: number;
  lng?: number;
  radiusKm?: number;
  division?: string;
  birthDate?: string;
  startDate?: string;
  vacancy?: boolean;
  inclusive?: boolean;
  q?: string;
  feeFrom?: number;
  feeTo?: number;
  serviceForm?: ServiceForm;
  page?: number;
  pageSize?: number;
};
export type PublicSearchItem = {
  id: string;
  name: string;
  distanceKm: number | null;
  inclusive: boolean;
  designations: DesignationBrief[];
  vacancies: Partial<Record<ClassType, number>>;
  monthlyFeeYuan: YuanByType;
  location: { lat: number; lng: number };
  divisionCode: string;
};
export type OpeningHoursView = unknown;
export type PublicProfile = {
  id: string;
  name: string;
  address: string;
  townshipName: string | null;
  districtName: string | null;
  openingHours: OpeningHoursView | null;
  monthlyFeeYuan: YuanByType;
  contactPhone: string | null;
  description: string;
  places: number;
  vacancies: Partial<Record<ClassType, number>>;
  classes: { classType: ClassType; name: string; capacity: number; vacancies: number }[];
  inclusive: boolean;
  designations: (DesignationBrief & { grantedOn: string; document: string })[];
  photos: { id: string; url: string }[];
  lastInspection: { date: string; result: string } | null;
  filingNumber: string;
  filedAt: string;
};
export type InstitutionFacts = {
  name: string;
  creditCode: string | null;
  address: string | null;
  divisionCode: string;
  indoorAreaM2: number | null;
  outdoorAreaM2: number | null;
  monthlyFeeYuan: YuanByType;
  servesMeals: boolean;
  contactPhone: string | null;
};
export type RecordClass = {
  id: string;
  classType: ClassType;
  name: string;
  capacity: number;
  enrolled: number;
  vacancies: number;
  caregiverIds: string[];
};
export type RecordStaff = { id: string; name: string; role: string; classId: string | null; qualifiedCaregiver: boolean };
export type RecordFile = { id: string; kind: 'document' | 'photo'; documentType: string | null; filename: string; url: string };
export type InstitutionRecord = {
  id: string;
  status: InstitutionStatus;
  statusReason: string | null;
  allowedActions: FilingActionName[];
  hasFiledVersion: boolean;
  publiclyListed: boolean;
  filingNumber: string | null;
  facts: InstitutionFacts;
  classes: RecordClass[];
  staff: RecordStaff[];
  documents: RecordFile[];
  photos: RecordFile[];
  compliance: { checkedOn: string; problems: { code: string }[] };
  filings: {
    id: string;
    kind: 'initial' | 'change';
    submittedAt: string;
    outcome: string | null;
    reasons: string | null;
    receiptNumber: string | null;
  }[];
};
export type FactsPatch = Partial<Omit<InstitutionFacts, 'monthlyFeeYuan'>> & { monthlyFeeYuan?: YuanByType };
export type FilingQueueItem = {
  id: string;
  institutionId: string;
  institutionName: string;
  divisionCode: string;
  kind: 'initial' | 'change';
  institutionStatus: InstitutionStatus;
  submittedAt: string;
  waitingDays: number;
  outcome: 'filed' | 'returned' | 'cancelled' | null;
  receiptNumber: string | null;
};
export type FilingDetail = FilingQueueItem & {
  changedFacts: string[];
  reasons: string | null;
  checklist: Record<string, boolean> | null;
  checklistItems: { item: string; document: string | null; 'zh-CN': string; en: string }[];
  snapshot: Record<string, unknown>;
  allowedActions: FilingActionName[];
};
export type TransitionInput =
  | { action: 'submit' | 'start_review' | 'discard_changes' }
  | { action: 'file'; checklist: Record<string, boolean> }
  | { action: 'return'; reason: string; checklist?: Record<string, boolean> };

export const searchPublicInstitutions = (input: SearchQueryInput) =>
  request<{ total: number; items: PublicSearchItem[] }>(
    'GET',
    `/api/v1/institutions/search?${query(Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v === undefined || v === false ? undefined : String(v)])))}`,
  );
export const getPublicInstitution = (institutionId: string) => request<PublicProfile>('GET', `/api/v1/institutions/${id(institutionId)}`);
export const getInstitutionRecord = (institutionId: string) =>
  request<InstitutionRecord>('GET', `/api/v1/institutions/${id(institutionId)}/record`);
export const patchInstitution = (institutionId: string, patch: FactsPatch) =>
  request<InstitutionRecord>('PATCH', `/api/v1/institutions/${id(institutionId)}`, patch);
export const postInstitutionTransition = (institutionId: string, input: TransitionInput) =>
  request<{ status: InstitutionStatus; receiptNumber?: string }>('POST', `/api/v1/institutions/${id(institutionId)}/transitions`, input);
export const postInstitutionClass = (
  institutionId: string,
  input: { classType: ClassType; name: string; capacity: number; caregiverIds: string[] },
) => request<unknown>('POST', `/api/v1/institutions/${id(institutionId)}/classes`, input);
export const postInstitutionStaff = (
  institutionId: string,
  input: { name: string; role: string; certificates: { kind: string; expiresOn?: string }[] },
) => request<unknown>('POST', `/api/v1/institutions/${id(institutionId)}/staff`, input);
export const getFilingQueue = () => request<{ total: number; items: FilingQueueItem[] }>('GET', '/api/v1/institutions/filings');
export const getFiling = (filingId: string) => request<FilingDetail>('GET', `/api/v1/institutions/filings/${id(filingId)}`);

/** Multipart upload: the one call that cannot go through `request`'s JSON body. */
export async function uploadInstitutionFile(
  institutionId: string,
  kind: 'document' | 'photo',
  documentType: string | null,
  file: File,
): Promise<void> {
  const form = new FormData();
  form.append('file', file);
  const params = documentType ? { kind, documentType } : { kind };
  const response = await fetch(`/api/v1/institutions/${id(institutionId)}/files?${query(params)}`, {
    method: 'POST',
    credentials: 'same-origin',
    body: form,
  }).catch(() => {
    throw new ApiError(0, 'NETWORK', i18n.t('errors.network'));
  });
  if (response.ok) return;
  const error = ((await response.json().catch(() => undefined)) as ErrorBody | undefined)?.error;
  throw new ApiError(
    response.status,
    String(error?.code ?? 'UNEXPECTED_RESPONSE'),
    String(error?.message ?? i18n.t('errors.unexpected', { status: response.status })),
  );
}
