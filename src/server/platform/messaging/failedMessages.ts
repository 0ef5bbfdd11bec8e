import { isMobilePhone, maskPhone } from '../../../domain/identity/phone.ts';
import type { Db } from '../../db/executor.ts';
import type { Deps } from '../../deps.ts';
import { type AuditContext, appendAudit } from '../audit/auditLog.ts';
import { AppError } from '../errors/AppError.ts';

export type MessageStatus = 'pending' | 'sent' | 'failed';

/** Enough of the recipient for the admin to tell messages apart, not to contact the person. */
export function maskRecipient(channel: string, recipient: string): string {
  if (channel === 'sms') return isMobilePhone(recipient) ? maskPhone(recipient) : `${recipient.slice(0, 3)}****`;
  const [local = '', domain = ''] = recipient.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function present(r: {
  id: string;
  channel: string;
  recipient: string;
  template: string;
  status: string;
  attempts: number;
  last_error: string | null;
  created_at: Date | string;
  next_attempt_at: Date | string;
  sent_at: Date | string | null;
}) {
  return {
    id: r.id,
    channel: r.channel as 'sms' | 'email',
    recipient: maskRecipient(r.channel, r.recipient),
    template: r.template,
    status: r.status as MessageStatus,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: iso(r.created_at) as string,
    nextAttemptAt: r.status === 'pending' ? iso(r.next_attempt_at) : null,
    sentAt: iso(r.sent_at),
  };
}

const COLUMNS = [
  'id',
  'channel',
  'recipient',
  'template',
  'status',
  'attempts',
  'last_error',
  'created_at',
  'next_attempt_at',
  'sent_at',
] as const;

/** Messages in one status, newest first: by default what failed, for the admin to see and send again. */
export async function listMessages(db: Db, status: MessageStatus, page: { page: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    db
      .selectFrom('outbound_messages')
      .select(COLUMNS)
      .where('status', '=', status)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    db
      .selectFrom('outbound_messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('status', '=', status)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(count.n), ...page };
}

/** A failed message goes back to the queue with its tries counted afresh, sent by the next run. */
export async function retryMessage(deps: Deps, id: string, context: AuditContext) {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('outbound_messages').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND');
    if (current.status !== 'failed') throw new AppError('MESSAGE_NOT_FAILED');
    const row = await trx
      .updateTable('outbound_messages')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now })
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    await appendAudit(
      trx,
      context,
      { action: 'message.retry', entityType: 'outbound_message', entityId: id, detail: { template: row.template } },
      now,
    );
    return present(row);
  });
}
