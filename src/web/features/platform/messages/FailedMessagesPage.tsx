import { Button, Card, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useFeedback } from '../../../components/feedback';
import { LoadError } from '../../../components/PageStatus';
import { formatInstant } from '../../../i18n/formatInstant';
import type { OutboundMessage } from './api';
import { useFailedMessages, useRetryMessage } from './queries';

const PAGE_SIZE = 20;

/**
 * SMS and e-mail that failed every try, with why, for the admin to fix the cause (a gateway, the
 * SMTP settings) and send them again. Recipients are masked: the admin needs to tell messages
 * apart, not to reach the people.
 */
export default function FailedMessagesPage() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [page, setPage] = useState(1);
  const list = useFailedMessages(page, PAGE_SIZE);
  const retry = useRetryMessage();

  const resend = (m: OutboundMessage) =>
    retry
      .mutateAsync(m.id)
      .then(() => void message.success(t('outboundMessages.retried')))
      .catch(() => undefined);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('outboundMessages.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('outboundMessages.lead')}</Typography.Paragraph>
      <ErrorAlert error={retry.error} style={{ marginBottom: 16 }} />
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <List<OutboundMessage>
            loading={list.isPending}
            dataSource={list.data?.items ?? []}
            locale={{ emptyText: t('outboundMessages.empty') }}
            pagination={
              (list.data?.total ?? 0) > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', align: 'center' }
                : false
            }
            renderItem={(m) => (
              <List.Item
                key={m.id}
                data-testid="failed-message"
                style={{ padding: '12px 16px', flexWrap: 'wrap', gap: 8 }}
                actions={[
                  <Button key="retry" loading={retry.isPending && retry.variables === m.id} onClick={() => void resend(m)}>
                    {t('outboundMessages.retry')}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Space wrap size={4}>
                      <Tag>{t(`outboundMessages.channel.${m.channel}`)}</Tag>
                      <span>{m.recipient}</span>
                      <Typography.Text type="secondary" style={{ fontFamily: 'ui-monospace, monospace', fontSize: 12 }}>
                        {m.template}
                      </Typography.Text>
                    </Space>
                  }
                  description={
                    <>
                      <Typography.Paragraph type="danger" style={{ marginBottom: 4 }}>
                        {m.lastError ?? '—'}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('outboundMessages.line', { attempts: m.attempts, createdAt: formatInstant(m.createdAt) })}
                      </Typography.Text>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
