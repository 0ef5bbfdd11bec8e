import type { Transaction } from 'kysely';
import { givenName } from '../../../../domain/identity/givenName.ts';
import { fenToYuanString } from '../../../../domain/money/fen.ts';
import type { DB } from '../../../db/schema.ts';
import { notify } from '../../../platform/notifications/notify.ts';
import { findChildSummaries } from '../../children/index.ts';
import { findGuardiansOf } from './queries.ts';

const LINK = '/family/vouchers';

type VoucherNews = { voucherId: string; childId: string; faceValueFen: number; expiresOn: string };

/** Each child's guardians, and what each child is called in a message to them. */
async function familiesOf(trx: Transaction<DB>, childIds: string[]) {
  const [guardians, children] = await Promise.all([findGuardiansOf(trx, childIds), findChildSummaries(trx, childIds)]);
  const names = new Map(children.map((c) => [c.id, givenName(c.name)]));
  return (childId: string) => ({
    child: names.get(childId) ?? '',
    guardianIds: guardians.filter((g) => g.child_id === childId).map((g) => g.user_id),
  });
}

/** The guardians of children granted a voucher (by lottery or automatically) hear of it. */
export async function tellVouchersGranted(trx: Transaction<DB>, program: { name: string }, vouchers: VoucherNews[], now: Date) {
  if (vouchers.length === 0) return;
  const family = await familiesOf(
    trx,
    vouchers.map((v) => v.childId),
  );
  for (const v of vouchers) {
    const { child, guardianIds } = family(v.childId);
    await notify(
      trx,
      guardianIds,
      {
        kind: 'subsidies.voucher_granted',
        params: { child, program: program.name, amount: fenToYuanString(v.faceValueFen), expiresOn: v.expiresOn },
        link: LINK,
      },
      now,
    );
  }
}

/** The guardians of a voucher about to expire hear of it once (the voucher is the dedupe key). */
export async function tellVouchersExpiring(trx: Transaction<DB>, vouchers: VoucherNews[], now: Date) {
  if (vouchers.length === 0) return;
  const family = await familiesOf(
    trx,
    vouchers.map((v) => v.childId),
  );
  for (const v of vouchers) {
    const { child, guardianIds } = family(v.childId);
    await notify(
      trx,
      guardianIds,
      {
        kind: 'subsidies.voucher_expiring',
        params: { child, amount: fenToYuanString(v.faceValueFen), expiresOn: v.expiresOn },
        link: LINK,
        dedupeKey: v.voucherId,
      },
      now,
    );
  }
}
