import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { httpSender } from './senders.ts';

describe('the http sender', () => {
  it('posts the message as JSON with its id as idempotency key, and fails on a non-2xx answer', async () => {
    const received: { key: string | undefined; body: Record<string, unknown> }[] = [];
    let answer = 200;
    const server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (d) => {
        text += d;
      });
      req.on('end', () => {
        received.push({ key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) });
        res.statusCode = answer;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const sender = httpSender(`http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`);
      const message = {
        id: 'b1c0c1a8-0000-4000-8000-000000000001',
        channel: 'sms' as const,
        to: '13800000001',
        template: 't',
        params: {},
        subject: null,
        body: '您好',
      };
      await sender.send(message);
      answer = 503;
      await expect(sender.send(message)).rejects.toThrow('gateway answered 503');
      expect(received.map((r) => [r.key, r.body.to, r.body.body])).toEqual([
        [message.id, '13800000001', '您好'],
        [message.id, '13800000001', '您好'],
      ]);
    } finally {
      server.close();
    }
  });
});
