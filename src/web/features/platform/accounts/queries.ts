import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import {
  type Account,
  type Appointment,
  type CreateAccountInput,
  createAccount,
  grantRole,
  resetSecondFactor,
  revokeRole,
  searchAccounts,
  setDisabled,
  unlockSignIn,
} from './api';

export const keys = {
  all: ['accounts'] as const,
  search: (q: string | undefined) => ['accounts', 'search', q ?? ''] as const,
};

export function useAccounts(q: string | undefined) {
  return useQuery({ queryKey: keys.search(q), queryFn: () => searchAccounts(q), placeholderData: keepPreviousData });
}

/** Every change shows in any search that lists the account, so all of them are read again. */
function useChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: keys.all });
}

export function useCreateAccount() {
  return useMutation<Account, ApiError, CreateAccountInput>({ mutationFn: createAccount, onSuccess: useChanged() });
}

export function useGrantRole(userId: string) {
  return useMutation<Account, ApiError, Appointment>({ mutationFn: (grant) => grantRole(userId, grant), onSuccess: useChanged() });
}

export function useRevokeRole(userId: string) {
  return useMutation<void, ApiError, string>({ mutationFn: (roleId) => revokeRole(userId, roleId), onSuccess: useChanged() });
}

export function useSetDisabled(userId: string) {
  return useMutation<void, ApiError, boolean>({ mutationFn: (disabled) => setDisabled(userId, disabled), onSuccess: useChanged() });
}

export function useResetSecondFactor(userId: string) {
  return useMutation<void, ApiError>({ mutationFn: () => resetSecondFactor(userId), onSuccess: useChanged() });
}

export function useUnlockSignIn(userId: string) {
  return useMutation<void, ApiError>({ mutationFn: () => unlockSignIn(userId), onSuccess: useChanged() });
}
