import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { notify } from '../../../platform/notifications/notify.ts';

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

/** Closing a training: the directors of the institutions whose staff are still enrolled, in the closing transaction. */
export async function tellDirectorsOfClosing(
  trx: Transaction<DB>,
  about: { institutionIds: string[]; training: string; trainingId: string },
  now: Date,
) {
  const directors = await findRoleHolders(trx, { role: 'institution_admin', institutionIds: about.institutionIds });
  await notify(
    trx,
    directors,
    { kind: 'guidance.training_closed', params: { training: about.training }, link: `${TRAININGS_LINK}/${about.trainingId}` },
    now,
  );
}
