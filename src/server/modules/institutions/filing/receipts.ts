import type { Kysely, Transaction } from 'kysely';
import { formatReceiptNumber } from '../../../../domain/institutions/receiptNumber.ts';
import type { DB } from '../../../db/schema.ts';

/**
 * The next filing receipt number of a district and year, inside the filing transaction.
 * INSERT … ON CONFLICT DO UPDATE … RETURNING is atomic on PostgreSQL: a concurrent filing in
 * the same district and year waits on the counter row's lock until this transaction ends, then
 * reads the committed value. So numbers never repeat, and a rolled-back filing returns its
 * number (no gaps). On PGlite transactions run one at a time.
 */
export async function issueReceiptNumber(trx: Transaction<DB> | Kysely<DB>, districtCode: string, year: number) {
  const row = await trx
    .insertInto('filing_receipt_counters')
    .values({ district_code: districtCode, year, last_number: 1 })
    .onConflict((oc) =>
      oc.columns(['district_code', 'year']).doUpdateSet((eb) => ({ last_number: eb('filing_receipt_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return { number: formatReceiptNumber(districtCode, year, row.last_number), year, sequence: row.last_number };
}
