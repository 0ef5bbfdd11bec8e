/** The accounts page's calls: find accounts, appoint officials, and the administrator's remedies. */
import { id, query, request } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type Account = ItemOf<ResponseOf<'/api/v1/users', 'get'>>;
export type CreateAccountInput = BodyOf<'/api/v1/users', 'post'>;
export type Appointment = BodyOf<'/api/v1/users/{id}/roles', 'post'>;

export const searchAccounts = (q: string | undefined) =>
  request<ResponseOf<'/api/v1/users', 'get'>>('GET', `/api/v1/users?${query({ q })}`);
export const createAccount = (input: CreateAccountInput) => request<Account>('POST', '/api/v1/users', input);
export const grantRole = (userId: string, grant: Appointment) => request<Account>('POST', `/api/v1/users/${id(userId)}/roles`, grant);
export const revokeRole = (userId: string, roleId: string) => request<void>('DELETE', `/api/v1/users/${id(userId)}/roles/${id(roleId)}`);
export const setDisabled = (userId: string, disabled: boolean) =>
  request<void>('POST', `/api/v1/users/${id(userId)}/${disabled ? 'disable' : 'enable'}`);
export const resetSecondFactor = (userId: string) => request<void>('POST', `/api/v1/users/${id(userId)}/totp/reset`);
export const unlockSignIn = (userId: string) => request<void>('POST', `/api/v1/users/${id(userId)}/unlock`);
