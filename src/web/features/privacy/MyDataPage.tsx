import { Alert, Button, Card, Flex, Form, Input, Radio, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/feedback';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { showFieldErrors } from '../../components/showFieldErrors';
import { useMyChildren } from '../children/queries';
import { shanghaiMinute } from '../subsidies/applications/format';
import { EXPORT_JSON_HREF, EXPORT_XLSX_HREF, type MyDeletionRequest } from './api';
import { ErasureOutcome } from './ErasureOutcome';
import { useMyDeletionRequests, useRequestDeletion } from './queries';

export const STATUS_COLOR: Record<MyDeletionRequest['status'], string> = { pending: 'blue', approved: 'green', rejected: 'red' };

/** 我的数据: a copy of everything held, a request to erase the account or one child, and each request's outcome. */
export default function MyDataPage() {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={16} style={{ maxWidth: 720 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('privacy.title')}
      </Typography.Title>
      <Card title={t('privacy.exportTitle')} size="small">
        <Typography.Paragraph>{t('privacy.exportBody')}</Typography.Paragraph>
        <Flex gap={8} wrap>
          <Button type="primary" href={EXPORT_XLSX_HREF} download data-testid="export-xlsx">
            {t('privacy.exportXlsx')}
          </Button>
          <Button href={EXPORT_JSON_HREF} download="tuoyu-my-data.json" data-testid="export-json">
            {t('privacy.exportJson')}
          </Button>
        </Flex>
      </Card>
      <DeletionForm />
      <MyRequests />
    </Flex>
  );
}

type Values = { scope: 'account' | 'child'; childId?: string; reason?: string };

/** Asks once more before filing: the parent reads what goes and what the law keeps. */
function DeletionForm() {
  const { t } = useTranslation();
  const { modal, message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const scope = Form.useWatch('scope', form) ?? 'child';
  const children = useMyChildren();
  const file = useRequestDeletion();
  const [refusal, setRefusal] = useState<string[]>([]);

  const submit = (values: Values) =>
    modal.confirm({
      title: t('privacy.confirmTitle'),
      content: t(values.scope === 'account' ? 'privacy.confirmAccount' : 'privacy.confirmChild'),
      okText: t('privacy.confirmOk'),
      cancelText: t('privacy.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'confirm-deletion' },
      onOk: () =>
        file
          .mutateAsync(
            values.scope === 'account'
              ? { scope: 'account', reason: values.reason ?? null }
              : { scope: 'child', childId: values.childId as string, reason: values.reason ?? null },
          )
          .then(() => {
            setRefusal([]);
            form.resetFields(['reason']);
            void message.success(t('privacy.submitted'));
          })
          .catch((error: Error) => setRefusal(showFieldErrors(form, error, { childId: 'childId', reason: 'reason' }))),
    });

  return (
    <Card title={t('privacy.deleteTitle')} size="small">
      <Typography.Paragraph>{t('privacy.deleteBody')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={{ scope: 'child' }} onFinish={submit}>
        <Form.Item name="scope" label={t('privacy.scopeLabel')}>
          <Radio.Group>
            <Radio value="child">{t('privacy.scopeChild')}</Radio>
            <Radio value="account">{t('privacy.scopeAccount')}</Radio>
          </Radio.Group>
        </Form.Item>
        {scope === 'child' && (
          <Form.Item name="childId" label={t('privacy.childLabel')} rules={[{ required: true, message: t('privacy.childRequired') }]}>
            <Select
              loading={children.isPending}
              placeholder={t('privacy.childPlaceholder')}
              options={(children.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
              data-testid="deletion-child"
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={t('privacy.reasonLabel')}>
          <Input.TextArea rows={2} maxLength={500} placeholder={t('privacy.reasonPlaceholder')} />
        </Form.Item>
        {refusal.length > 0 && <Alert type="error" showIcon title={refusal.join('；')} style={{ marginBottom: 12 }} data-testid="error" />}
        <Button danger htmlType="submit" loading={file.isPending}>
          {t('privacy.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function MyRequests() {
  const { t } = useTranslation();
  const requests = useMyDeletionRequests();
  return (
    <Card title={t('privacy.requestsTitle')} size="small" data-testid="my-deletion-requests">
      {requests.isPending ? (
        <PageLoading />
      ) : requests.isError ? (
        <LoadError error={requests.error} onRetry={() => void requests.refetch()} />
      ) : requests.data.items.length === 0 ? (
        <Typography.Text type="secondary">{t('privacy.noRequests')}</Typography.Text>
      ) : (
        <Flex vertical gap={16}>
          {requests.data.items.map((r) => (
            <Flex key={r.id} vertical gap={6} data-testid="deletion-request">
              <Flex gap={8} align="center" wrap>
                <Tag color={STATUS_COLOR[r.status]} style={{ margin: 0 }}>
                  {t(`privacy.status.${r.status}`)}
                </Tag>
                <Typography.Text strong>
                  {r.scope === 'account' ? t('privacy.subjectAccount') : t('privacy.subjectChild', { name: r.childName ?? '' })}
                </Typography.Text>
              </Flex>
              <Typography.Text type="secondary">
                {t('privacy.requestedAt', { at: shanghaiMinute(r.requestedAt) })}
                {r.decidedAt && ` · ${t('privacy.decidedAt', { at: shanghaiMinute(r.decidedAt) })}`}
              </Typography.Text>
              {r.decisionReason && <Alert type="warning" title={t('privacy.rejectedBecause', { reason: r.decisionReason })} />}
              {r.outcome && (
                <>
                  <Typography.Text>{t('privacy.outcomeTitle')}</Typography.Text>
                  <ErasureOutcome items={r.outcome} />
                </>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
