import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = { from: string; to: string[]; raw: string; messageId: string | undefined };

export type SmtpOptions = {
  /** Called as each message's data has arrived, before the server answers that it took it. */
  onMessage?: (mail: ReceivedMail) => void;
  /** How long the server takes to answer each message, as a busy relay does. */
  answerAfterMs?: number;
};

/** A real SMTP server on a free port, keeping what it is given. */
export async function startSmtp({ onMessage, answerAfterMs = 0 }: SmtpOptions = {}) {
  const received: ReceivedMail[] = [];
  let answered = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        raw += chunk;
      });
      stream.on('end', () => {
        const head = raw.split('\r\n\r\n')[0] ?? '';
        const mail = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          messageId: head.match(/^Message-ID:\s*(<[^>]+>)/im)?.[1],
        };
        received.push(mail);
        onMessage?.(mail);
        setTimeout(() => {
          answered += 1;
          done();
        }, answerAfterMs);
      });
    },
  });
  // A client killed mid-conversation resets its connection; that is the server's everyday weather.
  server.on('error', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.server.address() as AddressInfo).port;
  return {
    received,
    /** Messages whose data arrived and whose answer has not been given yet. */
    unanswered: () => received.length - answered,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
