/** The platform's calls: meta and health, signing in and out, second factor, the audit log. */
import { request } from '../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../api/types';

export type { Role } from '../../../domain/access/roles.ts';

export type Meta = ResponseOf<'/api/v1/meta', 'get'>;
export type Health = ResponseOf<'/api/v1/health', 'get'>;

export type Me = ResponseOf<'/api/v1/auth/me', 'get'>;
/** One role a user holds, with the division or institution it is limited to. */
export type RoleGrant = Me['roles'][number];
export type LoginInput = BodyOf<'/api/v1/auth/login', 'post'>;

export type AuditEntry = ItemOf<ResponseOf<'/api/v1/audit', 'get'>>;

export const getMeta = () => request<Meta>('GET', '/api/v1/meta');
export const getHealth = () => request<Health>('GET', '/api/v1/health');

export const login = (input: LoginInput) => request<Me>('POST', '/api/v1/auth/login', input);
export const logout = () => request<void>('POST', '/api/v1/auth/logout');
export const logoutAll = () => request<void>('POST', '/api/v1/auth/logout-all');
export const getMe = () => request<Me>('GET', '/api/v1/auth/me');
export const setupTotp = () => request<ResponseOf<'/api/v1/auth/totp/setup', 'post'>>('POST', '/api/v1/auth/totp/setup');
export const enableTotp = (code: string) =>
  request<void>('POST', '/api/v1/auth/totp/enable', { code } satisfies BodyOf<'/api/v1/auth/totp/enable', 'post'>);

export const getAudit = (limit: number) => request<ResponseOf<'/api/v1/audit', 'get'>>('GET', `/api/v1/audit?limit=${limit}`);
