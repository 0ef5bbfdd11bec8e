/**
 * The one HTTP client of the web app. Every call goes through `request`, so every failure
 * arrives as an `ApiError` whose `message` is already in the user's language (the server reads
 * the `lang` cookie) and can be shown as is.
 */
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
