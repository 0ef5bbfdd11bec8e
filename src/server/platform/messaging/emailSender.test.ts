import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../../../test/harness/app.ts';
import { DIALECTS } from '../../../../test/harness/db.ts';
import { createUser, signIn } from '../../../../test/harness/factories/users.ts';
import { type ReceivedMail, startSmtp } from '../../../../test/harness/smtp.ts';
import { testConfig } from '../../config.ts';
import { notify } from '../notifications/notify.ts';
import { deliverDue } from './delivery.ts';
import { emailSender, smsSender } from './senders.ts';

/** The subject and the decoded text of a single-part message as the server received it. */
function parseMail(raw: string) {
  const [head = '', ...rest] = raw.split('\r\n\r\n');
  const headers = head.replace(/\r\n[ \t]+/g, ' ');
  const header = (name: string) => headers.match(new RegExp(`^${name}: (.*)$`, 'im'))?.[1]?.trim();
  const body = rest.join('\r\n\r\n');
  const encoding = header('Content-Transfer-Encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : body;
  return { subject: header('Subject'), text };
}

describe.each(DIALECTS)('e-mail on %s', (dialect) => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(() => smtp.close());

  it('reaches the SMTP server in the reader’s language, with the subject, once', async () => {
    const t = await buildTestApp(dialect, { smtp: { url: smtp.url, from: '托育服务平台 <noreply@tuoyu.example.cn>' } });
    try {
      const parent = await createUser(t.deps.db, { role: 'parent' });
      const cookie = await signIn(t.app, parent.phone);
      const put = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/me/notification-preferences',
        headers: { cookie },
        payload: { locale: 'en', email: 'li.na@example.cn', kinds: [] },
      });
      expect(put.statusCode).toBe(200);
      const event = {
        kind: 'subsidies.voucher_granted' as const,
        params: {
          child: '小雨',
          amount: '300',
          program: { 'zh-CN': '普惠托育补贴', en: 'Affordable care subsidy' },
          expiresOn: '2027-06-30',
        },
        link: '/family/vouchers',
      };
      await t.deps.db.transaction().execute((trx) => notify(trx, [parent.id], event, t.clock.now()));

      const senders = { sms: smsSender(t.deps.config), email: emailSender(t.deps.config) };
      const options = { maxAttempts: 3 };
      expect(await deliverDue(t.deps.db, senders, t.clock.now(), options)).toEqual({ sent: 1, retried: 0, failed: 0 });
      expect(await deliverDue(t.deps.db, senders, t.clock.now(), options)).toEqual({ sent: 0, retried: 0, failed: 0 });

      const mine = smtp.received.filter((m) => m.to.includes('li.na@example.cn'));
      expect(mine).toHaveLength(1);
      const mail = parseMail((mine[0] as ReceivedMail).raw);
      expect(mine[0]?.from).toBe('noreply@tuoyu.example.cn');
      expect(mail.subject).toBe('A voucher is granted');
      expect(mail.text).toContain('小雨 has a 300 yuan childcare voucher (Affordable care subsidy), valid until 2027-06-30.');
      expect(mail.text).toContain('Sign in to tuoyu for details.');
    } finally {
      await t.close();
    }
  });
});

describe('the e-mail sender without SMTP_URL', () => {
  const message = {
    id: 'b1c0c1a8-0000-4000-8000-000000000002',
    channel: 'email' as const,
    to: 'a@example.cn',
    template: 't',
    params: {},
    subject: 's',
    body: 'b',
  };

  it('keeps e-mail in the development outbox outside production, and fails it visibly in production', async () => {
    await expect(emailSender(testConfig()).send(message)).resolves.toBeUndefined();
    await expect(emailSender(testConfig({ env: 'production' })).send(message)).rejects.toThrow('e-mail is not configured (SMTP_URL)');
  });
});
