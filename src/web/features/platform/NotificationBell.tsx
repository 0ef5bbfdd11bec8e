import { BellOutlined } from '@ant-design/icons';
import { Badge, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from './notificationsQueries';

/** The header's bell: the unread count, opening the notification list. */
export function NotificationBell({ href }: { href: string }) {
  const { t } = useTranslation();
  const unread = useUnreadCount().data?.unread ?? 0;
  const label = unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.bell');
  return (
    <Link to={href} aria-label={label} title={label} data-testid="notification-bell">
      <Badge count={unread} size="small" overflowCount={99}>
        <Button type="text" shape="circle" icon={<BellOutlined style={{ fontSize: 18 }} />} tabIndex={-1} />
      </Badge>
    </Link>
  );
}
