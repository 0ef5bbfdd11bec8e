/**
 * The one HTTP client of the web app. Every call goes through `request`, so every failure
 * arrives as an `ApiError` whose `message` is already in the user's language (the server reads
 * the `lang` cookie) and can be shown as is.
 */
import type { GrowthClass } from '../domain/growth/classify.ts';
import i18n from './i18n';

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

async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
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
