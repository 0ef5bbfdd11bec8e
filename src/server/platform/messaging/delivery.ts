import { addMilliseconds } from 'date-fns';
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Db } from '../../db/executor.ts';
import type { DB } from '../../db/schema.ts';
import type { Delivery, Sender } from './senders.ts';

export type DeliveryOptions = {
  /** Tries before a message is marked failed. */
  maxAttempts: number;
  /** How long a claim holds: a process killed while sending gives its message back after this. */
  leaseMs?: number;
  /** The most messages one run sends. */
  batchSize?: number;
  /** Set when the server stops: the run ends after the message it is sending. */
  stopping?: AbortSignal;
};

type Outcome = 'sent' | 'retried' | 'failed';

const FIRST_RETRY_MS = 30_000;
const LONGEST_RETRY_MS = 3_600_000;

/** Wait before the next try after `attempts` failed ones: 30 s, 1 min, 2 min, … at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), LONGEST_RETRY_MS);
}

/**
 * Sends the due messages, one at a time, so a process killed while sending has at most one
 * message in flight. Each is claimed in a `FOR UPDATE SKIP LOCKED` transaction, so a second
 * process neither waits for nor takes it:
 * - a local sender (the development outbox) sends and marks it sent in that same transaction,
 *   so a kill leaves it either pending or sent: exactly once;
 * - any other sender gets it after the claim has moved its next try past a lease and committed;
 *   the outcome is written right after sending. A process that dies in between leaves it
 *   pending, and it is claimed again when the lease runs out: sent at least once, never lost,
 *   twice only if it had reached the provider when the process died (the id is the provider's
 *   idempotency key for that case).
 */
export async function deliverDue(
  db: Kysely<DB>,
  senders: Record<Delivery['channel'], Sender>,
  now: Date,
  { maxAttempts, leaseMs = 300_000, batchSize = 50, stopping }: DeliveryOptions,
): Promise<Record<Outcome, number>> {
  const outcome = { sent: 0, retried: 0, failed: 0 };
  for (let i = 0; i < batchSize && !stopping?.aborted; i++) {
    const done = await deliverOne(db, senders, now, maxAttempts, leaseMs);
    if (!done) break;
    outcome[done] += 1;
  }
  return outcome;
}

async function deliverOne(
  db: Kysely<DB>,
  senders: Record<Delivery['channel'], Sender>,
  now: Date,
  maxAttempts: number,
  leaseMs: number,
): Promise<Outcome | null> {
  const claimed = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('outbound_messages')
      .select(['id', 'channel', 'recipient', 'template', 'params', 'subject', 'body', 'attempts'])
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', now)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(1)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!row) return null;
    const message: Delivery = {
      id: row.id,
      channel: row.channel as Delivery['channel'],
      to: row.recipient,
      template: row.template,
      params: (typeof row.params === 'string' ? JSON.parse(row.params) : row.params) as Record<string, string>,
      subject: row.subject,
      body: row.body,
    };
    const attempts = row.attempts + 1;
    const sender = senders[message.channel];
    if (sender.local) return { done: await attempt(trx, sender, message, attempts, now, maxAttempts) } as const;
    await trx
      .updateTable('outbound_messages')
      .set({ next_attempt_at: addMilliseconds(now, leaseMs), attempts: sql`attempts + 1` })
      .where('id', '=', row.id)
      .execute();
    return { done: null, message, attempts, sender } as const;
  });
  if (!claimed) return null;
  if (claimed.done) return claimed.done;
  return attempt(db, claimed.sender, claimed.message, claimed.attempts, now, maxAttempts);
}

/** Sends and records the outcome of this try; `attempts` counts it. */
async function attempt(db: Db, sender: Sender, message: Delivery, attempts: number, now: Date, maxAttempts: number): Promise<Outcome> {
  try {
    await sender.send(message);
    await db
      .updateTable('outbound_messages')
      .set({ status: 'sent', sent_at: now, last_error: null, attempts })
      .where('id', '=', message.id)
      .execute();
    return 'sent';
  } catch (err) {
    const error = String((err as Error).message ?? err).slice(0, 500);
    const giveUp = attempts >= maxAttempts;
    await db
      .updateTable('outbound_messages')
      .set(
        giveUp
          ? { status: 'failed', last_error: error, attempts }
          : { next_attempt_at: addMilliseconds(now, retryDelayMs(attempts)), last_error: error, attempts },
      )
      .where('id', '=', message.id)
      .execute();
    return giveUp ? 'failed' : 'retried';
  }
}
