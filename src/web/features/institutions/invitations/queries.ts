import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiError } from '../../../api/client';
import { useEnterGrant } from '../../platform/useEnterGrant';
import { acceptInvitation, getInvitations, getMyInvitations, type InvitationInput, postInvitation, revokeInvitation } from './api';

export const keys = {
  ofInstitution: (institutionId: string) => ['invitations', 'institution', institutionId] as const,
  mine: ['invitations', 'mine'] as const,
};

export const useInvitations = (institutionId: string) =>
  useQuery({ queryKey: keys.ofInstitution(institutionId), queryFn: () => getInvitations(institutionId), enabled: !!institutionId });

function useInstitutionMutation<V>(institutionId: string, mutationFn: (variables: V) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation<unknown, ApiError, V>({
    mutationFn,
    onSuccess: () => client.invalidateQueries({ queryKey: keys.ofInstitution(institutionId) }),
  });
}

export const useInvite = (institutionId: string) =>
  useInstitutionMutation(institutionId, (input: InvitationInput) => postInvitation(institutionId, input));

export const useRevokeInvitation = (institutionId: string) => useInstitutionMutation(institutionId, revokeInvitation);

export const useMyInvitations = () => useQuery({ queryKey: keys.mine, queryFn: getMyInvitations });

/** Accepting grants a role: the session is read again and the person lands in that institution's shell. */
export function useAcceptInvitation() {
  const client = useQueryClient();
  const enter = useEnterGrant();
  return useMutation<unknown, ApiError, string>({
    mutationFn: async (invitationId) => {
      const invitation = await acceptInvitation(invitationId);
      await client.invalidateQueries({ queryKey: keys.mine });
      await enter((grant) => grant.role === invitation.role && grant.institutionId === invitation.institutionId);
    },
  });
}
