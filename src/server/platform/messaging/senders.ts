import type { Config } from '../../config.ts';

/** What a sender is given: the queued row, already rendered. The id is the idempotency key. */
export type Delivery = {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  template: string;
  params: Record<string, string>;
  subject: string | null;
  body: string;
};

/** Sends one message or throws; a throw is retried with backoff by the worker. */
export type Sender = { send(message: Delivery): Promise<void> };

/** Leaves the message in the table, marked sent, for the development outbox to show. */
export const outboxSender: Sender = { send: async () => undefined };

/** Posts the message as JSON to a gateway of the city's choosing; any non-2xx answer is a failure. */
export function httpSender(url: string, fetchImpl: typeof fetch = fetch): Sender {
  return {
    async send(message) {
      const res = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.id },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(10_000),
      });
      if (!res.ok) throw new Error(`gateway answered ${res.status}`);
    },
  };
}

/** The sender for SMS chosen by configuration. */
export function smsSender(config: Config): Sender {
  if (config.smsSender === 'http' && config.smsHttpUrl) return httpSender(config.smsHttpUrl);
  return outboxSender;
}
