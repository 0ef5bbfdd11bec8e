import type { Transaction } from 'kysely';
import { givenName } from '../../../../domain/identity/givenName.ts';
import type { DB } from '../../../db/schema.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { findChildSummaries, findGuardians } from '../../children/index.ts';

/**
 * Every guardian of a child found unwell at the morning check hears of it at once, by SMS too: the
 * child should be collected. Once per child and day (the dedupe key), so a corrected re-check or a
 * second reading does not message the family again. Only the given name and the temperature.
 */
export async function tellGuardiansUnwell(
  trx: Transaction<DB>,
  check: { childId: string; day: string; temperatureC: number },
  now: Date,
): Promise<number> {
  const [guardians, [child]] = await Promise.all([findGuardians(trx, [check.childId]), findChildSummaries(trx, [check.childId])]);
  const told = await notify(
    trx,
    guardians.map((g) => g.user_id),
    {
      kind: 'enrollment.unwell_at_check',
      params: { child: givenName(child?.name ?? ''), temperature: check.temperatureC.toFixed(1) },
      link: '/family/children',
      dedupeKey: `${check.childId}:${check.day}`,
    },
    now,
  );
  return told.length;
}
