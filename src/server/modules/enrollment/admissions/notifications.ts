import type { Transaction } from 'kysely';
import { toShanghaiMinute } from '../../../../domain/dates/shanghai.ts';
import { givenName } from '../../../../domain/identity/givenName.ts';
import type { DB } from '../../../db/schema.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { findGuardians } from '../../children/index.ts';
import { findInstitutionName } from './queries.ts';

const LINK = '/family/applications';

type About = { childId: string; childName: string; institutionId: string };

async function tellGuardians(
  trx: Transaction<DB>,
  about: About,
  event: { kind: Parameters<typeof notify>[2]['kind']; expiresAt?: Date; dedupeKey?: string },
  now: Date,
) {
  const guardians = await findGuardians(trx, [about.childId]);
  await notify(
    trx,
    guardians.map((g) => g.user_id),
    {
      kind: event.kind,
      params: {
        institution: await findInstitutionName(trx, about.institutionId),
        child: givenName(about.childName),
        ...(event.expiresAt ? { expiresAt: toShanghaiMinute(event.expiresAt) } : {}),
      },
      link: LINK,
      ...(event.dedupeKey ? { dedupeKey: event.dedupeKey } : {}),
    },
    now,
  );
}

/** Every guardian of the child hears of an offer at once, by SMS too: it lapses. */
export const tellOfferMade = (trx: Transaction<DB>, about: About, expiresAt: Date, now: Date) =>
  tellGuardians(trx, about, { kind: 'enrollment.offer_made', expiresAt }, now);

export const tellDeclined = (trx: Transaction<DB>, about: About, now: Date) =>
  tellGuardians(trx, about, { kind: 'enrollment.application_declined' }, now);

/** Once per offer (the choice), however often the reminder job runs. */
export const tellOfferExpiring = (trx: Transaction<DB>, about: About & { choiceId: string }, expiresAt: Date, now: Date) =>
  tellGuardians(trx, about, { kind: 'enrollment.offer_expiring', expiresAt, dedupeKey: about.choiceId }, now);

/** The child's choice is now first on the institution's waitlist; once per choice. */
export const tellFirstOnWaitlist = (trx: Transaction<DB>, about: About & { choiceId: string }, now: Date) =>
  tellGuardians(trx, about, { kind: 'enrollment.waitlist_first', dedupeKey: about.choiceId }, now);
