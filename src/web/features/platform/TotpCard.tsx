import { Alert, Button, Card, Flex, Form, Input, QRCode, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Me } from './api';
import { useTotpEnable, useTotpSetup } from './queries';

/** Enrol an authenticator app: show the secret (QR and text), then confirm with a first code. */
export function TotpCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const enable = useTotpEnable();

  let body: ReactNode;
  if (me.totpEnabled) {
    body = <Alert type="success" showIcon title={t('account.totpOn')} />;
  } else if (!setup.data) {
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('account.totpOff')}</Typography.Paragraph>
        {setup.error && <Alert type="error" showIcon title={setup.error.message} />}
        <Button type="primary" loading={setup.isPending} onClick={() => setup.mutate()}>
          {t('account.totpStart')}
        </Button>
      </Space>
    );
  } else {
    const { secret, otpauthUrl } = setup.data;
    body = (
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('account.totpStep1')}</Typography.Paragraph>
        <Flex wrap gap={16} align="flex-start">
          <QRCode value={otpauthUrl} size={160} bordered />
          <div style={{ flex: '1 1 220px', minWidth: 0 }}>
            <Typography.Text type="secondary">{t('account.secret')}</Typography.Text>
            <Typography.Paragraph copyable code style={{ wordBreak: 'break-all' }} data-testid="totp-secret">
              {secret}
            </Typography.Paragraph>
            <Typography.Text type="secondary">{t('account.uri')}</Typography.Text>
            <Typography.Paragraph copyable style={{ wordBreak: 'break-all', fontSize: 12 }}>
              {otpauthUrl}
            </Typography.Paragraph>
          </div>
        </Flex>
        <Typography.Paragraph style={{ marginBottom: 0 }}>{t('account.totpStep2')}</Typography.Paragraph>
        {enable.error && <Alert type="error" showIcon title={enable.error.message} />}
        <Form layout="inline" onFinish={({ code }: { code: string }) => enable.mutate(code)} style={{ rowGap: 12 }}>
          <Form.Item
            label={t('account.code')}
            name="code"
            rules={[{ required: true, pattern: /^\d{6}$/, message: t('account.codeRequired') }]}
          >
            <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} style={{ width: 120 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={enable.isPending}>
            {t('account.confirm')}
          </Button>
        </Form>
      </Space>
    );
  }

  return <Card title={t('account.totpTitle')}>{body}</Card>;
}
