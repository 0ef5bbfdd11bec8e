/** The platform's calls: meta and health, signing up, in and out, a forgotten password, second factor, the audit log. */
import { query, request } from '../../api/client';
import type { BodyOf, ItemOf, QueryOf, ResponseOf } from '../../api/types';

export type { Role } from '../../../domain/access/roles.ts';

export type Meta = ResponseOf<'/api/v1/meta', 'get'>;
export type Health = ResponseOf<'/api/v1/health', 'get'>;

export type Me = ResponseOf<'/api/v1/auth/me', 'get'>;
/** One role a user holds, with the division or institution it is limited to. */
export type RoleGrant = Me['roles'][number];
export type LoginInput = BodyOf<'/api/v1/auth/login', 'post'>;
export type CodePurpose = BodyOf<'/api/v1/auth/verification-codes', 'post'>['purpose'];
export type RegisterInput = BodyOf<'/api/v1/auth/register', 'post'>;
export type PasswordResetInput = BodyOf<'/api/v1/auth/password-reset', 'post'>;

export type AuditEntry = ItemOf<ResponseOf<'/api/v1/audit', 'get'>>;

export const getMeta = () => request<Meta>('GET', '/api/v1/meta');
export const getHealth = () => request<Health>('GET', '/api/v1/health');

export const login = (input: LoginInput) => request<Me>('POST', '/api/v1/auth/login', input);
export const logout = () => request<void>('POST', '/api/v1/auth/logout');
export const logoutAll = () => request<void>('POST', '/api/v1/auth/logout-all');
/** The signed-in user or null: a visitor without a session is an answer, not a failed request. */
export const getSession = () => request<ResponseOf<'/api/v1/auth/session', 'get'>>('GET', '/api/v1/auth/session');
/** Answered 202 whether or not a code is sent, so the page keeps its own wait before asking again. */
export const requestCode = (phone: string, purpose: CodePurpose) =>
  request<void>('POST', '/api/v1/auth/verification-codes', { phone, purpose } satisfies BodyOf<'/api/v1/auth/verification-codes', 'post'>);
export const register = (input: RegisterInput) => request<Me>('POST', '/api/v1/auth/register', input);
export const resetPassword = (input: PasswordResetInput) => request<void>('POST', '/api/v1/auth/password-reset', input);
export const setupTotp = () => request<ResponseOf<'/api/v1/auth/totp/setup', 'post'>>('POST', '/api/v1/auth/totp/setup');
export const enableTotp = (code: string) =>
  request<void>('POST', '/api/v1/auth/totp/enable', { code } satisfies BodyOf<'/api/v1/auth/totp/enable', 'post'>);

/** What the audit viewer filters by (the page size and cursor are the query's own). */
export type AuditFilters = Pick<QueryOf<'/api/v1/audit', 'get'>, 'action' | 'entityType' | 'entityId' | 'from' | 'to'>;
export type AuditVerification = ResponseOf<'/api/v1/audit/verify', 'post'>;
export const getAudit = (filters: AuditFilters, limit: number, before?: number) =>
  request<ResponseOf<'/api/v1/audit', 'get'>>(
    'GET',
    `/api/v1/audit?${query({ ...filters, limit: String(limit), before: before === undefined ? undefined : String(before) })}`,
  );
/** The filtered entries as an Excel file: a plain link, so the browser downloads it with the session cookie. */
export const auditExportHref = (filters: AuditFilters) => `/api/v1/audit.xlsx?${query(filters)}`;
export const verifyAudit = () => request<AuditVerification>('POST', '/api/v1/audit/verify');
