import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import type { LoginInput } from './api';
import { useLogin, useMe } from './queries';
import { homeAfterSignIn, ROLE_HOME } from './roles';

type Credentials = { phone: string; password: string };

/** Phone + password, then a 6-digit code when the server says the account has 2FA on. */
export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  const me = useMe();
  const login = useLogin();
  const [credentials, setCredentials] = useState<Credentials | null>(null);
  const [noRoles, setNoRoles] = useState(false);

  const submit = (input: LoginInput) => {
    setNoRoles(false);
    login.mutate(input, {
      onSuccess: (user) => {
        const target = homeAfterSignIn(user, from);
        if (target) navigate(target, { replace: true });
        else setNoRoles(true);
      },
      onError: (error) => {
        if (error.code === 'TOTP_REQUIRED') setCredentials({ phone: input.phone, password: input.password });
      },
    });
  };

  // TOTP_REQUIRED is a step, not a failure: the code field explains what to do instead.
  const error = login.error?.code === 'TOTP_REQUIRED' ? null : login.error;
  const signedInRole = me.data?.roles[0];

  return (
    <Flex justify="center" style={{ paddingBlock: 24 }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('login.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>

        {me.data && signedInRole && (
          <Alert
            type="info"
            style={{ marginBottom: 16 }}
            title={t('login.alreadySignedIn', { name: me.data.name })}
            action={<Link to={ROLE_HOME[signedInRole.role]}>{t('app.goToMyHome')}</Link>}
          />
        )}
        {error && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={error.message} data-testid="login-error" />}
        {noRoles && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('login.noRoles')} />}

        {credentials ? (
          <Form
            key="totp"
            layout="vertical"
            requiredMark={false}
            onFinish={({ totp }: { totp: string }) => submit({ ...credentials, totp })}
          >
            <Alert type="info" style={{ marginBottom: 16 }} title={t('login.totpHelp')} />
            <Form.Item
              label={t('login.totp')}
              name="totp"
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpRequired') }]}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} autoFocus size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Button
              type="link"
              block
              style={{ marginTop: 8 }}
              onClick={() => {
                setCredentials(null);
                login.reset();
              }}
            >
              {t('login.back')}
            </Button>
          </Form>
        ) : (
          <Form key="password" layout="vertical" requiredMark={false} onFinish={(values: Credentials) => submit(values)}>
            <Form.Item
              label={t('login.phone')}
              name="phone"
              rules={[
                { required: true, message: t('login.phoneRequired') },
                { pattern: /^1\d{10}$/, message: t('login.phoneInvalid') },
              ]}
            >
              <Input inputMode="tel" autoComplete="username" placeholder={t('login.phonePlaceholder')} maxLength={11} size="large" />
            </Form.Item>
            <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={login.isPending}>
              {t('login.submit')}
            </Button>
            <Flex justify="space-between" wrap gap={8} style={{ marginTop: 16 }}>
              <Link to="/forgot-password">{t('login.forgotPassword')}</Link>
              <Link to="/signup">{t('login.signUp')}</Link>
            </Flex>
          </Form>
        )}
      </Card>
    </Flex>
  );
}
