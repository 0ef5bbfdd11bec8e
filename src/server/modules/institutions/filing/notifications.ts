import type { Transaction } from 'kysely';
import type { FilingAction } from '../../../../domain/institutions/filingWorkflow.ts';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { notify } from '../../../platform/notifications/notify.ts';

/**
 * The institution's directors hear of the district's decision on a filing: filed with its
 * receipt number, or returned with the reasons to fix. Other actions are their own or tell no one.
 */
export async function tellDirectorsOfDecision(
  trx: Transaction<DB>,
  institution: { id: string; name: string },
  action: FilingAction,
  outcome: { reason?: string; receiptNumber?: unknown },
  now: Date,
) {
  if (action !== 'file' && action !== 'return') return;
  const directors = await findRoleHolders(trx, { role: 'institution_admin', institutionId: institution.id });
  await notify(
    trx,
    directors,
    action === 'file'
      ? {
          kind: 'institutions.filing_filed',
          params: { institution: institution.name, receiptNumber: String(outcome.receiptNumber) },
          link: '/institution/my-institution',
        }
      : {
          kind: 'institutions.filing_returned',
          params: { institution: institution.name, reasons: outcome.reason ?? '' },
          link: '/institution/my-institution',
        },
    now,
  );
}
