import type { Transaction } from 'kysely';
import { fenToYuanString } from '../../../../domain/money/fen.ts';
import type { ApplicationAction } from '../../../../domain/subsidies/institutionSubsidies.ts';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { notify } from '../../../platform/notifications/notify.ts';

const LINK = '/institution/subsidy-applications';

/**
 * The applicant hears of a decision: the city's approval with the amount, or a return (by the
 * district or the city) with the reviewer's note. When the submitting account is gone, the
 * institution's directors hear instead.
 */
export async function tellApplicantOfDecision(
  trx: Transaction<DB>,
  application: { institution_id: string; institution_name: string; submitted_by: string | null },
  action: ApplicationAction,
  decision: { amountFen?: number; note?: string },
  now: Date,
) {
  const approved = action === 'city_approve';
  if (!approved && action !== 'district_return' && action !== 'city_return') return;
  const recipients = application.submitted_by
    ? [application.submitted_by]
    : await findRoleHolders(trx, { role: 'institution_admin', institutionId: application.institution_id });
  await notify(
    trx,
    recipients,
    approved
      ? {
          kind: 'subsidies.application_approved',
          params: { institution: application.institution_name, amount: fenToYuanString(decision.amountFen ?? 0) },
          link: LINK,
        }
      : {
          kind: 'subsidies.application_returned',
          params: { institution: application.institution_name, note: decision.note ?? '' },
          link: LINK,
        },
    now,
  );
}
