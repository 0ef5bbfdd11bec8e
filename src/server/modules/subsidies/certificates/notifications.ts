import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import { findRoleHolders } from '../../../platform/auth/queries.ts';
import { notify } from '../../../platform/notifications/notify.ts';

/** The district health bureau issues the certificate, so its officials hear of each request. */
export async function tellDistrictOfRequest(trx: Transaction<DB>, institution: { name: string; divisionCode: string }, now: Date) {
  const officials = await findRoleHolders(trx, { role: 'district_official', withinDivision: institution.divisionCode.slice(0, 6) });
  await notify(
    trx,
    officials,
    {
      kind: 'subsidies.certificate_requested',
      params: { institution: institution.name },
      link: '/official/subsidy-applications?tab=certificates',
    },
    now,
  );
}

/**
 * The director who asked hears the district's answer: issued, or returned with its reason.
 * When that account is gone, the institution's directors hear instead.
 */
export async function tellDirectorsOfDecision(
  trx: Transaction<DB>,
  institution: { id: string; name: string },
  requestedBy: string | null,
  decision: { validUntil: string } | { reason: string },
  now: Date,
) {
  const recipients = requestedBy ? [requestedBy] : await findRoleHolders(trx, { role: 'institution_admin', institutionId: institution.id });
  const link = '/institution/subsidy-applications';
  await notify(
    trx,
    recipients,
    'validUntil' in decision
      ? { kind: 'subsidies.certificate_issued', params: { institution: institution.name, validUntil: decision.validUntil }, link }
      : { kind: 'subsidies.certificate_returned', params: { institution: institution.name, reason: decision.reason }, link },
    now,
  );
}
