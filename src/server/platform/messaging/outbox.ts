import type { Db } from '../../db/executor.ts';

export type Channel = 'sms' | 'email';

/** A message to one recipient, already rendered in the recipient's language. */
export type OutboundMessage = {
  channel: Channel;
  /** A mobile number for SMS, an address for e-mail. */
  to: string;
  /** Which template the text came from, for gateways that send by template code. */
  template: string;
  params?: Record<string, string>;
  subject?: string;
  body: string;
  /** The account it is for, when there is one (a code for a number not yet signed up has none). */
  userId?: string | null;
};

/**
 * Queues messages in the caller's transaction: they are sent only if it commits, and are sent
 * after a restart if the server dies first. Returns the new rows' ids.
 */
export async function enqueueMessages(db: Db, messages: OutboundMessage[], now: Date): Promise<string[]> {
  if (messages.length === 0) return [];
  const rows = await db
    .insertInto('outbound_messages')
    .values(
      messages.map((m) => ({
        channel: m.channel,
        recipient: m.to,
        template: m.template,
        params: JSON.stringify(m.params ?? {}),
        subject: m.subject ?? null,
        body: m.body,
        user_id: m.userId ?? null,
        next_attempt_at: now,
        created_at: now,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export type OutboxEntry = {
  id: string;
  channel: Channel;
  to: string;
  template: string;
  subject: string | null;
  body: string;
  status: string;
  createdAt: string;
};

/** The latest messages to one recipient, newest first: what the development outbox shows. */
export async function findMessagesTo(db: Db, recipient: string, limit = 20): Promise<OutboxEntry[]> {
  const rows = await db
    .selectFrom('outbound_messages')
    .select(['id', 'channel', 'recipient', 'template', 'subject', 'body', 'status', 'created_at'])
    .where('recipient', '=', recipient)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel as Channel,
    to: r.recipient,
    template: r.template,
    subject: r.subject,
    body: r.body,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * Deletes messages sent before `before`: their bodies hold phone numbers, names and one-time
 * codes that served their purpose once delivered. Failed ones stay for the admin to retry.
 */
export async function pruneSentMessages(db: Db, before: Date): Promise<number> {
  const gone = await db.deleteFrom('outbound_messages').where('status', '=', 'sent').where('sent_at', '<', before).executeTakeFirst();
  return Number(gone.numDeletedRows);
}
