import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { aliyunSmsSender } from './aliyunSender.ts';

type Call = { headers: http.IncomingHttpHeaders; fields: Record<string, string> };

/** Stands in for dysmsapi.aliyuncs.com: records each call's parameters and answers as the API does. */
async function startGateway(answer: () => Record<string, string>) {
  const calls: Call[] = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (d) => {
      text += d;
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://gateway');
      const fields = Object.fromEntries([...url.searchParams, ...new URLSearchParams(text)]);
      calls.push({ headers: req.headers, fields });
      res.setHeader('content-type', 'application/json;charset=utf-8');
      res.end(JSON.stringify({ RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990', ...answer() }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { calls, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

const env = {
  SMS_SENDER: 'aliyun',
  ALIYUN_SMS_ACCESS_KEY_ID: 'LTAI-test-id',
  ALIYUN_SMS_ACCESS_KEY_SECRET: 'test-secret',
  ALIYUN_SMS_SIGN_NAME: '托育服务平台',
  ALIYUN_SMS_TEMPLATES: '{"auth.verification_code":"SMS_100000001"}',
};

describe('the Alibaba Cloud SMS sender', () => {
  it('sends by template code with the params, the signature and the message id as OutId; a refusal is a failure', async () => {
    let code = 'OK';
    const gateway = await startGateway(() => ({
      Code: code,
      Message: code === 'OK' ? 'OK' : '触发小时级流控Permits:5',
      BizId: '900619746936498440^0',
    }));
    try {
      const config = loadConfig({ ...env, ALIYUN_SMS_ENDPOINT: gateway.url }).aliyunSms;
      if (!config) throw new Error('aliyun config expected');
      const sender = aliyunSmsSender(config);
      const message = {
        id: 'b1c0c1a8-0000-4000-8000-000000000003',
        channel: 'sms' as const,
        to: '13800000001',
        template: 'auth.verification_code',
        params: { code: '482913' },
        subject: null,
        body: '【托育服务平台】验证码482913',
      };
      await sender.send(message);
      expect(gateway.calls).toHaveLength(1);
      expect(gateway.calls[0]?.fields).toMatchObject({
        PhoneNumbers: '13800000001',
        SignName: '托育服务平台',
        TemplateCode: 'SMS_100000001',
        TemplateParam: '{"code":"482913"}',
        OutId: message.id,
      });
      expect(gateway.calls[0]?.headers).toMatchObject({ 'x-acs-action': 'SendSms', 'x-acs-version': '2017-05-25' });
      expect(gateway.calls[0]?.headers.authorization).toMatch(/^ACS3-HMAC-SHA256 Credential=LTAI-test-id,.*Signature=[0-9a-f]{64}$/);

      code = 'isv.BUSINESS_LIMIT_CONTROL';
      await expect(sender.send(message)).rejects.toThrow('Alibaba Cloud SMS answered isv.BUSINESS_LIMIT_CONTROL');
      await expect(sender.send({ ...message, template: 'auth.account_appointed' })).rejects.toThrow(
        'no Alibaba Cloud template code for auth.account_appointed',
      );
      expect(gateway.calls).toHaveLength(2);
    } finally {
      gateway.close();
    }
  });

  it('refuses to start without its keys, signature or template codes', () => {
    expect(loadConfig(env).aliyunSms?.endpoint).toBe('https://dysmsapi.aliyuncs.com');
    expect(() => loadConfig({ ...env, NODE_ENV: 'production', ALIYUN_SMS_ACCESS_KEY_SECRET: '' })).toThrow(
      /ALIYUN_SMS_ACCESS_KEY_SECRET: is required when SMS_SENDER=aliyun/,
    );
    expect(() => loadConfig({ ...env, ALIYUN_SMS_SIGN_NAME: undefined })).toThrow(/ALIYUN_SMS_SIGN_NAME: is required/);
    expect(() => loadConfig({ ...env, ALIYUN_SMS_TEMPLATES: '["SMS_1"]' })).toThrow(/ALIYUN_SMS_TEMPLATES: must be a JSON object/);
    expect(() => loadConfig({ SMTP_URL: 'smtp://mail.example.cn:587' })).toThrow(/MAIL_FROM: is required when SMTP_URL is set/);
  });
});
