import nodemailer from 'nodemailer';
import type { Sender } from './senders.ts';

/**
 * Sends e-mail over SMTP. The message id goes out as the Message-ID, so a message sent again
 * after a crash mid-send carries the same id and mail clients can tell it is the same.
 */
export function smtpSender(smtp: { url: string; from: string }): Sender {
  const transport = nodemailer.createTransport(smtp.url);
  return {
    async send(message) {
      const domain = smtp.from.match(/@([^>\s]+)/)?.[1] ?? 'tuoyu.invalid';
      await transport.sendMail({
        from: smtp.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        messageId: `<${message.id}@${domain}>`,
      });
    },
  };
}

/** Production without SMTP_URL: e-mail fails where the admin sees failed messages, rather than vanishing. */
export const unconfiguredEmailSender: Sender = {
  send: async () => {
    throw new Error('e-mail is not configured (SMTP_URL)');
  },
};
