import type { Transaction } from 'kysely';
import { toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import type { InvitationRole } from '../../../../domain/institutions/invitations.ts';
import type { DB } from '../../../db/schema.ts';
import { findUserByPhone } from '../../../platform/auth/queries.ts';
import { notify } from '../../../platform/notifications/notify.ts';

const ROLE_NAMES: Record<InvitationRole, { 'zh-CN': string; en: string }> = {
  caregiver: { 'zh-CN': '保育人员', en: 'a caregiver' },
  institution_admin: { 'zh-CN': '机构负责人', en: 'a director' },
};

/**
 * A number that already has an account also finds the invitation in the app. A number without
 * one has only the SMS: there is no one to notify until they sign up.
 */
export async function tellInvitee(
  trx: Transaction<DB>,
  invitation: { phone: string; role: InvitationRole; institutionName: string; expiresAt: Date },
  now: Date,
) {
  const account = await findUserByPhone(trx, invitation.phone);
  if (!account) return;
  await notify(
    trx,
    [account.id],
    {
      kind: 'institutions.invitation_received',
      params: {
        institution: invitation.institutionName,
        role: ROLE_NAMES[invitation.role],
        expiresAt: toShanghaiMinute(invitation.expiresAt),
      },
      link: '/invitations',
    },
    now,
  );
}
