import { z } from 'zod';
import { INVITATION_ROLES, INVITATION_STATUSES } from '../../../../domain/institutions/invitations.ts';
import { Phone } from '../../../platform/auth/schemas.ts';
import { Id, Timestamp } from '../common/schemas.ts';

export const CreateInvitationBody = z
  .object({
    phone: Phone,
    role: z.enum(INVITATION_ROLES).describe('caregiver 保育人员 · institution_admin a second director'),
    staffId: Id.optional().describe('The roster entry this person is: their leaving ends the role'),
  })
  .describe('Invite a phone number; the invitee signs in (or signs up) with it and accepts within 7 days');

export const InvitationParams = z.object({ id: Id });

export const InvitationView = z.object({
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  phone: z.string(),
  role: z.enum(INVITATION_ROLES),
  staffId: Id.nullable(),
  status: z.enum(INVITATION_STATUSES),
  createdAt: Timestamp,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  revokedAt: Timestamp.nullable(),
});
export type InvitationView = z.infer<typeof InvitationView>;

export const InvitationList = z.object({ items: z.array(InvitationView) });
