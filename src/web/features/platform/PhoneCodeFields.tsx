/**
 * The fields sign-up and a forgotten password share: the phone number, the SMS code with its
 * "get code" button, and a new password checked by the same rule as the server's.
 */
import { Button, Form, type FormInstance, Input, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../../../domain/identity/password.ts';
import { isMobilePhone, maskPhone } from '../../../domain/identity/phone.ts';
import type { ApiError } from '../../api/client';
import { showFieldErrors } from '../../components/showFieldErrors';
import type { CodePurpose } from './api';
import { useRequestCode } from './queries';

/** The server sends at most one code a minute to a number and answers 202 either way, so the page keeps the wait itself. */
const RESEND_SECONDS = 60;

type CodeSender = ReturnType<typeof useCodeSender>;

/** Asks for a code for the form's phone number and counts down until another may be asked for. */
export function useCodeSender(form: FormInstance, purpose: CodePurpose) {
  const request = useRequestCode(purpose);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const send = async () => {
    const phone = await form
      .validateFields(['phone'])
      .then((values: { phone: string }) => values.phone.trim())
      .catch(() => null);
    if (!phone) return;
    request.mutate(phone, {
      onSuccess: () => {
        setSentTo(phone);
        setSecondsLeft(RESEND_SECONDS);
        form.setFields([{ name: 'code', errors: [] }]);
      },
      onError: (error) => form.setFields([{ name: 'phone', errors: showFieldErrors(form, error, {}) }]),
    });
  };

  return { send, secondsLeft, sentTo, sending: request.isPending };
}

export function PhoneField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('login.phone')}
      name="phone"
      rules={[
        { required: true, message: t('login.phoneRequired') },
        {
          validator: (_, value: string | undefined) => (!value || isMobilePhone(value.trim()) ? Promise.resolve() : Promise.reject()),
          message: t('login.phoneInvalid'),
        },
      ]}
    >
      <Input type="tel" inputMode="tel" autoComplete="tel" placeholder={t('login.phonePlaceholder')} maxLength={11} size="large" />
    </Form.Item>
  );
}

/** The first step's button, and the code field's own "send again" once a code was asked for. */
export function SendCodeButton({ sender, block }: { sender: CodeSender; block?: boolean }) {
  const { t } = useTranslation();
  const waiting = sender.secondsLeft > 0;
  return (
    <Button
      type={block ? 'primary' : 'default'}
      block={block}
      size="large"
      loading={sender.sending}
      disabled={waiting}
      onClick={sender.send}
      data-testid="send-code"
    >
      {waiting ? t('signup.resendIn', { seconds: sender.secondsLeft }) : sender.sentTo ? t('signup.resend') : t('signup.sendCode')}
    </Button>
  );
}

export function CodeField({ sender }: { sender: CodeSender }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      label={t('signup.code')}
      htmlFor="code"
      required
      extra={sender.sentTo ? t('signup.codeSent', { phone: maskPhone(sender.sentTo) }) : undefined}
    >
      <Space.Compact block>
        <Form.Item
          name="code"
          noStyle
          rules={[
            { required: true, message: t('signup.codeRequired') },
            { pattern: /^\d{6}$/, message: t('signup.codeFormat') },
          ]}
        >
          <Input id="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} size="large" autoFocus />
        </Form.Item>
        <SendCodeButton sender={sender} />
      </Space.Compact>
    </Form.Item>
  );
}

/** A new password and its repetition; the rule is the domain's, so the server will not refuse what passes here. */
export function NewPasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        label={t('signup.newPassword')}
        name="password"
        dependencies={['phone']}
        extra={t('signup.passwordHelp')}
        rules={[
          { required: true, message: t('login.passwordRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) => {
              const problem = value ? passwordProblem(value, String(getFieldValue('phone') ?? '').trim()) : null;
              return problem ? Promise.reject(new Error(t(`signup.${problem}`))) : Promise.resolve();
            },
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
      <Form.Item
        label={t('signup.confirm')}
        name="confirm"
        dependencies={['password']}
        rules={[
          { required: true, message: t('signup.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('signup.confirmMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" size="large" />
      </Form.Item>
    </>
  );
}

/** Where a refused sign-up or reset goes: a wrong code at the code field, field messages at their fields; what is left, for an alert. */
export function placeServerError(form: FormInstance, error: ApiError): string | null {
  if (error.code === 'CODE_INVALID') {
    form.setFields([{ name: 'code', errors: [error.message] }]);
    return null;
  }
  if (error.code === 'VALIDATION_FAILED') {
    const rest = showFieldErrors(form, error, { phone: 'phone', code: 'code', name: 'name', password: 'password' });
    return rest.length > 0 ? rest.join('；') : null;
  }
  return error.message;
}
