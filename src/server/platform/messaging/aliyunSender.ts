import * as Dysmsapi from '@alicloud/dysmsapi20170525';
import type { AliyunSmsConfig } from '../../config.ts';
import type { Sender } from './senders.ts';

type Client = Dysmsapi.default;
type ClientConfig = ConstructorParameters<typeof Dysmsapi.default>[0];

// The SDK is CommonJS with an `__esModule` default: Node's ESM loader hands over the whole
// module.exports as `default`, bundlers the class itself.
const ClientClass: typeof Dysmsapi.default =
  (Dysmsapi.default as unknown as { default?: typeof Dysmsapi.default }).default ?? Dysmsapi.default;

/**
 * Sends SMS through Alibaba Cloud SMS (短信服务) by template code: the gateway fills its approved
 * template with the message's params, the text tuoyu rendered is not sent. The message id is
 * the OutId, so a message sent again after a crash can be matched in the console's receipts.
 */
export function aliyunSmsSender(config: AliyunSmsConfig): Sender {
  const endpoint = new URL(config.endpoint);
  // The SDK's Config is a model class of a package we do not depend on directly; it reads plain fields.
  const clientConfig = {
    accessKeyId: config.accessKeyId,
    accessKeySecret: config.accessKeySecret,
    endpoint: endpoint.host,
    protocol: endpoint.protocol.replace(':', ''),
    readTimeout: 10_000,
    connectTimeout: 5_000,
  } as unknown as ClientConfig;
  const client: Client = new ClientClass(clientConfig);
  return {
    async send(message) {
      const templateCode = config.templates[message.template];
      if (!templateCode) throw new Error(`no Alibaba Cloud template code for ${message.template} (ALIYUN_SMS_TEMPLATES)`);
      const response = await client.sendSms(
        new Dysmsapi.SendSmsRequest({
          phoneNumbers: message.to,
          signName: config.signName,
          templateCode,
          templateParam: JSON.stringify(message.params),
          outId: message.id,
        }),
      );
      const body = response.body;
      if (body?.code !== 'OK') throw new Error(`Alibaba Cloud SMS answered ${body?.code ?? 'nothing'}: ${body?.message ?? ''}`);
    },
  };
}
