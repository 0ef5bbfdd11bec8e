/** A director's invitation of a phone number into their institution's staff accounts. */
export const INVITATION_ROLES = ['caregiver', 'institution_admin'] as const;
export type InvitationRole = (typeof INVITATION_ROLES)[number];

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** Issue 13: an invitation not accepted within 7 days lapses; the director sends a new one. */
export const INVITATION_VALID_DAYS = 7;

/**
 * Each invitation sends an SMS, and anyone may start an institution: so an institution invites at
 * most this many a rolling day, and one number is invited at most this many times a day in all.
 */
export const INVITATION_LIMITS = { perInstitutionPerDay: 30, perPhonePerDay: 3 } as const;

export function invitationExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITATION_VALID_DAYS * 86_400_000);
}

/**
 * The status is read from the times, never stored: revoked wins (a revoked acceptance has ended
 * the role), then accepted, then expired once the expiry has passed.
 */
export function invitationStatus(i: { revokedAt: Date | null; acceptedAt: Date | null; expiresAt: Date }, now: Date): InvitationStatus {
  if (i.revokedAt) return 'revoked';
  if (i.acceptedAt) return 'accepted';
  return now.getTime() >= i.expiresAt.getTime() ? 'expired' : 'pending';
}
