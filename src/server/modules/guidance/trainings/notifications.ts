import type { Transaction } from 'kysely';
import { toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { type NotificationEvent, notify } from '../../../platform/notifications/notify.ts';

export const TRAININGS_LINK = '/institution/trainings';

/** The directors of the staff member's institution hear of the certificate, in the completing transaction. */
export async function tellDirectorsOfCertificate(
  trx: Transaction<DB>,
  about: { institutionId: string; staffName: string; training: string; number: string },
  now: Date,
) {
  const directors = await findRoleHolders(trx, { role: 'institution_admin', institutionId: about.institutionId });
  await notify(
    trx,
    directors,
    {
      kind: 'guidance.training_certificate_issued',
      params: { staff: about.staffName, training: about.training, number: about.number },
      link: TRAININGS_LINK,
    },
    now,
  );
}

/** The directors of the institutions whose staff are enrolled, in the changing transaction. */
async function tellDirectorsOf(trx: Transaction<DB>, institutionIds: string[], event: NotificationEvent, now: Date) {
  await notify(trx, await findRoleHolders(trx, { role: 'institution_admin', institutionIds }), event, now);
}

/** Closing a training: no more enrolments, those enrolled keep their places. */
export function tellDirectorsOfClosing(
  trx: Transaction<DB>,
  about: { institutionIds: string[]; training: string; trainingId: string },
  now: Date,
) {
  const link = `${TRAININGS_LINK}/${about.trainingId}`;
  return tellDirectorsOf(trx, about.institutionIds, { kind: 'guidance.training_closed', params: { training: about.training }, link }, now);
}

/** A session moved to a new time. */
export function tellDirectorsOfMove(
  trx: Transaction<DB>,
  about: { institutionIds: string[]; training: string; trainingId: string; from: Date; startsAt: Date },
  now: Date,
) {
  const params = { training: about.training, from: toShanghaiMinute(about.from), startsAt: toShanghaiMinute(about.startsAt) };
  const link = `${TRAININGS_LINK}/${about.trainingId}`;
  return tellDirectorsOf(trx, about.institutionIds, { kind: 'guidance.training_session_moved', params, link }, now);
}
