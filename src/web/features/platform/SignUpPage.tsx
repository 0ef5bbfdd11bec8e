import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CodeField, NewPasswordFields, PhoneField, placeServerError, SendCodeButton, useCodeSender } from './PhoneCodeFields';
import { useRegister } from './queries';
import { homeAfterSignIn } from './roles';

type Values = { phone: string; code: string; name: string; password: string; confirm: string };

/** A parent signs up: phone first, then the SMS code, a name and a password; signed in, to the family home. */
export default function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const sender = useCodeSender(form, 'register');
  const register = useRegister();
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (values: Values) => {
    setProblem(null);
    register.mutate(
      { phone: values.phone.trim(), code: values.code.trim(), name: values.name.trim(), password: values.password },
      {
        onSuccess: (me) => navigate(homeAfterSignIn(me, undefined) ?? '/family', { replace: true }),
        onError: (error) => setProblem(placeServerError(form, error)),
      },
    );
  };

  return (
    <Flex justify="center" style={{ paddingBlock: 24 }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('signup.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t('signup.subtitle')}</Typography.Paragraph>
        {problem && <Alert type="error" showIcon style={{ marginBottom: 16 }} title={problem} data-testid="signup-error" />}

        <Form form={form} layout="vertical" requiredMark={false} onFinish={submit} data-testid="signup-form">
          <PhoneField />
          {sender.sentTo ? (
            <>
              <CodeField sender={sender} />
              <Form.Item
                label={t('signup.name')}
                name="name"
                rules={[{ required: true, whitespace: true, message: t('signup.nameRequired') }]}
              >
                <Input autoComplete="name" maxLength={100} size="large" />
              </Form.Item>
              <NewPasswordFields />
              <Button type="primary" htmlType="submit" block size="large" loading={register.isPending}>
                {t('signup.submit')}
              </Button>
            </>
          ) : (
            <SendCodeButton sender={sender} block />
          )}
        </Form>

        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          {t('signup.haveAccount')} <Link to="/login">{t('signup.toLogin')}</Link>
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
