import { Button, Card, Form, Input, Select, Switch, Table, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFeedback } from '../../components/feedback';
import type { NotificationPreferences } from './notificationsApi';
import { useNotificationPreferences, useSaveNotificationPreferences } from './notificationsQueries';

type Kind = NotificationPreferences['kinds'][number];
type Values = { locale: NotificationPreferences['locale']; email: string; kinds: Record<string, { sms: boolean; email: boolean }> };

/** SMS and e-mail per kind of notification, their language, and the e-mail address. */
export function NotificationPreferencesCard() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    if (!prefs.data) return;
    form.setFieldsValue({
      locale: prefs.data.locale,
      email: prefs.data.email ?? '',
      kinds: Object.fromEntries(prefs.data.kinds.map((k) => [k.kind, { sms: k.sms, email: k.email }])),
    });
  }, [prefs.data, form]);

  const submit = (values: Values) =>
    save
      .mutateAsync({
        locale: values.locale,
        email: values.email ?? '',
        kinds: Object.entries(values.kinds ?? {}).map(([kind, c]) => ({ kind: kind as Kind['kind'], sms: c.sms, email: c.email })),
      })
      .then(() => void message.success(t('notifications.prefsSaved')))
      .catch(() => undefined);

  return (
    <Card title={t('notifications.prefsTitle')} loading={prefs.isPending} data-testid="notification-preferences">
      <Typography.Paragraph type="secondary">{t('notifications.prefsIntro')}</Typography.Paragraph>
      {prefs.isError && <ErrorAlert error={prefs.error} />}
      {save.isError && <ErrorAlert error={save.error} />}
      <Form form={form} layout="vertical" onFinish={submit}>
        <Form.Item name="locale" label={t('notifications.prefsLocale')}>
          <Select
            style={{ maxWidth: 240 }}
            options={[
              { value: 'zh-CN', label: '简体中文' },
              { value: 'en', label: 'English' },
            ]}
          />
        </Form.Item>
        <Form.Item name="email" label={t('notifications.prefsEmail')}>
          <Input
            type="email"
            inputMode="email"
            autoComplete="email"
            placeholder={t('notifications.prefsEmailPlaceholder')}
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
        <Table<Kind>
          size="small"
          pagination={false}
          rowKey="kind"
          dataSource={prefs.data?.kinds ?? []}
          scroll={{ x: 'max-content' }}
          columns={[
            {
              title: t('notifications.prefsKind'),
              render: (_, k) => (
                <>
                  <Typography.Text type="secondary">{t(`notifications.groups.${k.group}`)} · </Typography.Text>
                  {k.title}
                </>
              ),
            },
            {
              title: t('notifications.prefsSms'),
              width: 64,
              render: (_, k) => (
                <Form.Item name={['kinds', k.kind, 'sms']} valuePropName="checked" noStyle>
                  <Switch size="small" aria-label={`${k.title} ${t('notifications.prefsSms')}`} />
                </Form.Item>
              ),
            },
            {
              title: t('notifications.prefsEmailColumn'),
              width: 64,
              render: (_, k) => (
                <Form.Item name={['kinds', k.kind, 'email']} valuePropName="checked" noStyle>
                  <Switch size="small" aria-label={`${k.title} ${t('notifications.prefsEmailColumn')}`} />
                </Form.Item>
              ),
            },
          ]}
        />
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }}>
          {t('notifications.prefsSave')}
        </Button>
      </Form>
    </Card>
  );
}
