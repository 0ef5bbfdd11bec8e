import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { deliverDue, retryDelayMs } from './delivery.ts';
import { enqueueMessages, pruneSentMessages } from './outbox.ts';
import type { Delivery, Sender } from './senders.ts';

const sms = (to: string) => ({ channel: 'sms' as const, to, template: 'test.hello', body: '您好' });

function recordingSender(failFor: Set<string> = new Set()): Sender & { sent: Delivery[] } {
  const sent: Delivery[] = [];
  return {
    sent,
    async send(message) {
      if (failFor.has(message.to)) throw new Error('gateway down');
      sent.push(message);
    },
  };
}

describe.each(DIALECTS)('message delivery on %s', (dialect) => {
  it('sends due messages once, retries failures with growing waits and marks them failed after the last try', async () => {
    const t = await buildTestApp(dialect);
    try {
      const db = t.deps.db;
      await db.transaction().execute((trx) => enqueueMessages(trx, [sms('13800000001'), sms('13800000002')], t.clock.now()));
      const sender = recordingSender(new Set(['13800000002']));
      const senders = { sms: sender, email: sender };
      const options = { maxAttempts: 3 };

      expect(await deliverDue(db, senders, t.clock.now(), options)).toEqual({ sent: 1, retried: 1, failed: 0 });
      expect(sender.sent.map((m) => m.to)).toEqual(['13800000001']);
      // Nothing is due again before the first wait (30 s) is over.
      t.clock.advanceMinutes(0.25);
      expect(await deliverDue(db, senders, t.clock.now(), options)).toEqual({ sent: 0, retried: 0, failed: 0 });
      t.clock.advanceMinutes(0.5);
      expect(await deliverDue(db, senders, t.clock.now(), options)).toEqual({ sent: 0, retried: 1, failed: 0 });
      t.clock.advanceMinutes(0.5);
      expect(await deliverDue(db, senders, t.clock.now(), options)).toEqual({ sent: 0, retried: 0, failed: 0 });
      t.clock.advanceMinutes(1);
      expect(await deliverDue(db, senders, t.clock.now(), options)).toEqual({ sent: 0, retried: 0, failed: 1 });
      t.clock.advanceMinutes(120);
      expect(await deliverDue(db, senders, t.clock.now(), options)).toEqual({ sent: 0, retried: 0, failed: 0 });

      const rows = await db
        .selectFrom('outbound_messages')
        .select(['recipient', 'status', 'attempts', 'last_error'])
        .orderBy('recipient')
        .execute();
      expect(rows).toEqual([
        { recipient: '13800000001', status: 'sent', attempts: 1, last_error: null },
        { recipient: '13800000002', status: 'failed', attempts: 3, last_error: 'gateway down' },
      ]);
      expect(sender.sent).toHaveLength(1);
      expect([1, 2, 3, 10].map(retryDelayMs)).toEqual([30_000, 60_000, 120_000, 3_600_000]);
    } finally {
      await t.close();
    }
  });

  it('sends again a message whose sender died mid-send once its claim runs out', async () => {
    const t = await buildTestApp(dialect);
    try {
      const db = t.deps.db;
      await db.transaction().execute((trx) => enqueueMessages(trx, [sms('13800000003')], t.clock.now()));
      const dying: Sender = {
        send: () => new Promise(() => undefined),
      };
      // The claim commits before sending; a process that never finishes leaves the message claimed.
      void deliverDue(db, { sms: dying, email: dying }, t.clock.now(), { maxAttempts: 3, leaseMs: 60_000 });
      await new Promise((r) => setTimeout(r, 200));
      const sender = recordingSender();
      const senders = { sms: sender, email: sender };
      expect(await deliverDue(db, senders, t.clock.now(), { maxAttempts: 3 })).toEqual({ sent: 0, retried: 0, failed: 0 });
      t.clock.advanceMinutes(2);
      expect(await deliverDue(db, senders, t.clock.now(), { maxAttempts: 3 })).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(sender.sent.map((m) => m.id)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });

  it('never sends a message twice when several workers run at once', async () => {
    const t = await buildTestApp(dialect);
    try {
      const db = t.deps.db;
      const phones = Array.from({ length: 100 }, (_, i) => `139${String(i).padStart(8, '0')}`);
      await db.transaction().execute((trx) => enqueueMessages(trx, phones.map(sms), t.clock.now()));
      const sent: string[] = [];
      const slow: Sender = {
        async send(message) {
          await new Promise((r) => setTimeout(r, 2));
          sent.push(message.to);
        },
      };
      const workers = Array.from({ length: 4 }, () =>
        deliverDue(db, { sms: slow, email: slow }, t.clock.now(), { maxAttempts: 3, batchSize: 30 }),
      );
      const outcomes = await Promise.all(workers);
      await deliverDue(db, { sms: slow, email: slow }, t.clock.now(), { maxAttempts: 3 });
      expect(outcomes.reduce((n, o) => n + o.sent, 0)).toBeGreaterThan(0);
      expect(sent.sort()).toEqual(phones);
    } finally {
      await t.close();
    }
  });

  it('forgets sent messages after the days kept, and keeps failed ones for the admin', async () => {
    const t = await buildTestApp(dialect);
    try {
      const db = t.deps.db;
      await db.transaction().execute((trx) => enqueueMessages(trx, [sms('13800000011'), sms('13800000012')], t.clock.now()));
      const senders = { sms: recordingSender(new Set(['13800000012'])), email: recordingSender() };
      await deliverDue(db, senders, t.clock.now(), { maxAttempts: 1 });
      t.clock.advanceMinutes(60 * 24 * 30);
      const keptFrom = new Date(t.clock.now().getTime() - 30 * 86_400_000);
      expect(await pruneSentMessages(db, keptFrom)).toBe(0);
      t.clock.advanceMinutes(1);
      expect(await pruneSentMessages(db, new Date(t.clock.now().getTime() - 30 * 86_400_000))).toBe(1);
      const left = await db.selectFrom('outbound_messages').select(['recipient', 'status']).execute();
      expect(left).toEqual([{ recipient: '13800000012', status: 'failed' }]);
    } finally {
      await t.close();
    }
  });
});
