import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError } from '../../api/client';
import {
  type AuditFilters,
  type CodePurpose,
  enableTotp,
  getAudit,
  getHealth,
  getMeta,
  getSession,
  type LoginInput,
  login,
  logout,
  logoutAll,
  type Me,
  type PasswordResetInput,
  type RegisterInput,
  register,
  requestCode,
  resetPassword,
  setupTotp,
  verifyAudit,
} from './api';

/** Query keys of the platform's resources. `meta` and `auth` survive signing out (see useSignedOut). */
export const keys = {
  me: ['auth', 'me'] as const,
  meta: ['meta'] as const,
  health: ['platform', 'health'] as const,
  audit: (filters: AuditFilters) => ['audit', filters] as const,
};
export const meKey = keys.me;

const readMe = async () => (await getSession()).user;

/** The signed-in user, or `null` when nobody is signed in. */
export function useMe() {
  return useQuery<Me | null, ApiError>({ queryKey: meKey, queryFn: readMe, staleTime: 60_000, retry: false });
}

/** The user read again now, e.g. once a new role was granted: every shell sees the new roles. */
export const refreshMe = (client: QueryClient) =>
  client.fetchQuery<Me | null, ApiError>({ queryKey: meKey, queryFn: readMe, staleTime: 0 });

/** A new session: data cached under the previous user (or none) must not leak into it. */
function useSignedIn() {
  const queryClient = useQueryClient();
  return (me: Me) => {
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' });
    queryClient.setQueryData(meKey, me);
  };
}

export function useLogin() {
  return useMutation<Me, ApiError, LoginInput>({ mutationFn: login, onSuccess: useSignedIn() });
}

/** A parent's sign-up: the answer is the new account, already signed in. */
export function useRegister() {
  return useMutation<Me, ApiError, RegisterInput>({ mutationFn: register, onSuccess: useSignedIn() });
}

export function useRequestCode(purpose: CodePurpose) {
  return useMutation<void, ApiError, string>({ mutationFn: (phone) => requestCode(phone, purpose) });
}

/** Every session of the account ends on the server, this browser's included if it had one. */
export function usePasswordReset() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, PasswordResetInput>({
    mutationFn: resetPassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

/**
 * `leave` runs before the session is forgotten: it should navigate away from the signed-in area,
 * or the area's guard would see "nobody signed in" first and send the user to /login with a
 * return address — the next person to sign in on this device would land on that page.
 */
function useSignedOut(leave: () => void) {
  const queryClient = useQueryClient();
  return () => {
    leave();
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'auth' && query.queryKey[0] !== 'meta' });
    queryClient.setQueryData(meKey, null);
  };
}

export function useLogout(leave: () => void) {
  const signedOut = useSignedOut(leave);
  return useMutation<void, ApiError>({
    mutationFn: async () => {
      try {
        await logout();
      } catch (error) {
        // Already signed out (expired session) is the outcome the user asked for. Any other
        // failure is shown: on a shared computer a session that silently survives is a leak.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: signedOut,
  });
}

export function useLogoutAll(leave: () => void) {
  const signedOut = useSignedOut(leave);
  return useMutation<void, ApiError>({ mutationFn: logoutAll, onSuccess: signedOut });
}

export function useTotpSetup() {
  return useMutation({ mutationFn: setupTotp });
}

export function useTotpEnable() {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, string>({
    mutationFn: enableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meKey }),
  });
}

export function useMeta() {
  return useQuery({ queryKey: keys.meta, queryFn: getMeta, staleTime: Number.POSITIVE_INFINITY });
}

export function useHealth() {
  return useQuery({ queryKey: keys.health, queryFn: getHealth, retry: false });
}

/** The audit log under the filters, newest first, a page at a time: each next page is older. */
export function useAuditPages(filters: AuditFilters, pageSize: number) {
  return useInfiniteQuery({
    queryKey: keys.audit(filters),
    queryFn: ({ pageParam }) => getAudit(filters, pageSize, pageParam),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => (last.items.length < pageSize ? undefined : last.items.at(-1)?.id),
  });
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
