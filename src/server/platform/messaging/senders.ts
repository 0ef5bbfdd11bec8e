import type { Config } from '../../config.ts';
import { aliyunSmsSender } from './aliyunSender.ts';
import { smtpSender, unconfiguredEmailSender } from './emailSender.ts';

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
export type Sender = {
  send(message: Delivery): Promise<void>;
  /**
   * Nothing leaves the database: sending is only the row becoming `sent`, so the worker does it
   * in the transaction that claims the message, and a killed process cannot send it twice.
   */
  local?: boolean;
};

/** Leaves the message in the table, marked sent, for the development outbox to show. */
export const outboxSender: Sender = { send: async () => undefined, local: true };

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
  if (config.smsSender === 'aliyun' && config.aliyunSms) return aliyunSmsSender(config.aliyunSms);
  return outboxSender;
}

/** E-mail over SMTP when configured; otherwise the development outbox, or a visible failure in production. */
export function emailSender(config: Config): Sender {
  if (config.smtp) return smtpSender(config.smtp);
  return config.env === 'production' ? unconfiguredEmailSender : outboxSender;
}
