import { Alert, Button, Card, Flex, Form, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CodeField, NewPasswordFields, PhoneField, placeServerError, SendCodeButton, useCodeSender } from './PhoneCodeFields';
import { usePasswordReset } from './queries';

type Values = { phone: string; code: string; password: string; confirm: string };

/** A forgotten password: the SMS code sets a new one; every session of the account ends, and the user signs in again. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const sender = useCodeSender(form, 'reset_password');
  const reset = usePasswordReset();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (values: Values) => {
    setProblem(null);
    reset.mutate(
      { phone: values.phone.trim(), code: values.code.trim(), password: values.password },
      { onError: (error) => setProblem(placeServerError(form, error)) },
    );
  };

  return (
    <Flex justify="center" style={{ paddingBlock: 24 }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        {reset.isSuccess ? (
          <Result
            status="success"
            title={t('forgotPassword.done')}
            subTitle={t('forgotPassword.doneHelp')}
            extra={
              <Link to="/login">
                <Button type="primary" size="large">
                  {t('forgotPassword.toLogin')}
                </Button>
              </Link>
            }
            data-testid="reset-done"
          />
        ) : (
          <>
            <Typography.Title level={2} style={{ marginTop: 0 }}>
              {t('forgotPassword.title')}
            </Typography.Title>
            <Typography.Paragraph type="secondary">{t('forgotPassword.subtitle')}</Typography.Paragraph>
            {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} data-testid="reset-error" />}

            <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="reset-form">
              <PhoneField />
              {sender.sentTo ? (
                <>
                  <CodeField sender={sender} />
                  <NewPasswordFields />
                  <Button type="primary" htmlType="submit" block size="large" loading={reset.isPending}>
                    {t('forgotPassword.submit')}
                  </Button>
                </>
              ) : (
                <SendCodeButton sender={sender} block />
              )}
            </Form>

            <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
              <Link to="/login">{t('forgotPassword.back')}</Link>
            </Typography.Paragraph>
          </>
        )}
      </Card>
    </Flex>
  );
}
