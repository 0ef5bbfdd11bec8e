import { addMilliseconds } from 'date-fns';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Delivery, Sender } from './senders.ts';

export type DeliveryOptions = {
  /** Tries before a message is marked failed. */
  maxAttempts: number;
  /** How long a claim holds: a process killed while sending gives its messages back after this. */
  leaseMs?: number;
  batchSize?: number;
};

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3_600_000;

/** Wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * Sends the due messages once. Claiming moves a message's next_attempt_at past a lease in a
 * `FOR UPDATE SKIP LOCKED` transaction, so a second process neither waits for nor takes it; the
 * outcome is written after sending. A process that dies in between leaves the message pending,
 * and it is claimed again when the lease runs out: sent at least once, never lost.
 */
export async function deliverDue(
  db: Kysely<DB>,
  senders: Record<Delivery['channel'], Sender>,
  now: Date,
  { maxAttempts, leaseMs = 300_000, batchSize = 50 }: DeliveryOptions,
): Promise<{ sent: number; retried: number; failed: number }> {
  const claimed = await db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('outbound_messages')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .limit(batchSize)
      .forUpdate()
      .skipLocked()
      .execute();
    if (due.length === 0) return [];
    return trx
      .updateTable('outbound_messages')
      .set({ next_attempt_at: addMilliseconds(now, leaseMs), attempts: sql`attempts + 1` })
      .where(
        'id',
        'in',
        due.map((d) => d.id),
      )
      .returning(['id', 'channel', 'recipient', 'template', 'params', 'subject', 'body', 'attempts'])
      .execute();
  });

  const outcome = { sent: 0, retried: 0, failed: 0 };
  for (const row of claimed) {
    const message: Delivery = {
      id: row.id,
      channel: row.channel as Delivery['channel'],
      to: row.recipient,
      template: row.template,
      params: (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as Record<string, string>,
      subject: row.subject,
      body: row.body,
    };
    try {
      await senders[message.channel].send(message);
      await db.updateTable('outbound_messages').set({ status: 'sent', sent_at: now, last_error: null }).where('id', '=', row.id).execute();
      outcome.sent += 1;
    } catch (err) {
      const error = String((err as Error).message ?? err).slice(0, 500);
      const giveUp = row.attempts >= maxAttempts;
      await db
        .updateTable('outbound_messages')
        .set(
          giveUp
            ? { status: 'failed', last_error: error }
            : { next_attempt_at: addMilliseconds(now, retryDelayMs(row.attempts)), last_error: error },
        )
        .where('id', '=', row.id)
        .execute();
      outcome[giveUp ? 'failed' : 'retried'] += 1;
    }
  }
  return outcome;
}
