import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { enqueueMessages } from './outbox.ts';

describe.each(DIALECTS)('outbound messages on %s', (dialect) => {
  it('are queued only when the transaction commits, and readable in the development outbox', async () => {
    const t = await buildTestApp(dialect);
    try {
      const now = t.clock.now();
      const message = { channel: 'sms' as const, to: '13800000001', template: 'test.hello', body: '您好' };
      await t.deps.db
        .transaction()
        .execute(async (trx) => {
          await enqueueMessages(trx, [{ ...message, body: '不会发出' }], now);
          throw new Error('roll back');
        })
        .catch(() => undefined);
      await t.deps.db.transaction().execute((trx) => enqueueMessages(trx, [message], now));

      const res = await t.app.inject({ url: '/api/v1/dev/outbox?phone=13800000001' });
      expect(res.statusCode).toBe(200);
      expect(res.json().items.map((m: { body: string; status: string }) => [m.body, m.status])).toEqual([['您好', 'pending']]);

      const neither = await t.app.inject({ url: '/api/v1/dev/outbox' });
      expect(neither.statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });

  it('has no development outbox in production', async () => {
    const t = await buildTestApp(dialect, { env: 'production', publicOrigins: ['https://tuoyu.example'] });
    try {
      expect((await t.app.inject({ url: '/api/v1/dev/outbox?phone=13800000001' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});
