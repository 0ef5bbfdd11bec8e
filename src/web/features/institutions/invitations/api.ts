/** Staff invitations: a director invites a phone number, its holder accepts, the director may revoke. */
import { id, request } from '../../../api/client';
import type { BodyOf, ItemOf, ResponseOf } from '../../../api/types';

export type InvitationList = ResponseOf<'/api/v1/invitations', 'get'>;
export type Invitation = ItemOf<InvitationList>;
export type InvitationInput = BodyOf<'/api/v1/institutions/{id}/invitations', 'post'>;

export const getInvitations = (institutionId: string) =>
  request<InvitationList>('GET', `/api/v1/institutions/${id(institutionId)}/invitations`);
export const postInvitation = (institutionId: string, input: InvitationInput) =>
  request<Invitation>('POST', `/api/v1/institutions/${id(institutionId)}/invitations`, input);
export const revokeInvitation = (invitationId: string) => request<Invitation>('POST', `/api/v1/invitations/${id(invitationId)}/revoke`);

/** Open invitations to the signed-in person's own number. */
export const getMyInvitations = () => request<InvitationList>('GET', '/api/v1/invitations');
export const acceptInvitation = (invitationId: string) => request<Invitation>('POST', `/api/v1/invitations/${id(invitationId)}/accept`);
