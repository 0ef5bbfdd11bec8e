import { Badge, Button, Card, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '../../components/PageStatus';
import { formatInstant } from '../../i18n/formatInstant';
import { NotificationPreferencesCard } from './NotificationPreferencesCard';
import type { NotificationItem } from './notificationsApi';
import { useMarkAllRead, useMarkRead, useNotifications } from './notificationsQueries';

const PAGE_SIZE = 20;

/**
 * The signed-in user's notifications, newest first; opening one marks it read and goes where it
 * points. How one is told sits below, as parents and institution staff have no account page.
 */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const list = useNotifications(page, PAGE_SIZE);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();

  const open = async (n: NotificationItem) => {
    if (!n.readAt) await markRead.mutateAsync(n.id).catch(() => undefined);
    navigate(n.link);
  };

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between', flexWrap: 'wrap', marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('notifications.title')}
        </Typography.Title>
        <Button onClick={() => markAll.mutate()} disabled={!list.data?.unread} loading={markAll.isPending}>
          {t('notifications.markAllRead')}
        </Button>
      </Space>
      <Card styles={{ body: { padding: 0 } }}>
        <List
          loading={list.isPending}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('notifications.empty') }}
          pagination={
            (list.data?.total ?? 0) > PAGE_SIZE
              ? { current: page, pageSize: PAGE_SIZE, total: list.data?.total, onChange: setPage, size: 'small', align: 'center' }
              : false
          }
          renderItem={(n) => (
            <List.Item
              key={n.id}
              onClick={() => void open(n)}
              style={{ cursor: 'pointer', padding: '12px 16px', background: n.readAt ? undefined : 'rgba(22, 119, 255, 0.06)' }}
              data-testid="notification-item"
            >
              <List.Item.Meta
                avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
                title={<span style={{ fontWeight: n.readAt ? 'normal' : 600 }}>{n.title}</span>}
                description={
                  <>
                    <Typography.Paragraph style={{ marginBottom: 4 }}>{n.body}</Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatInstant(n.createdAt)}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      <div style={{ marginTop: 16 }}>
        <NotificationPreferencesCard />
      </div>
    </>
  );
}
