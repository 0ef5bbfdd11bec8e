import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import { useMe } from '../../platform/queries';
import { MyInvitationsCard } from './MyInvitationsCard';

/**
 * Where an invitation's notification leads, whatever the invitee's roles: the open invitations to
 * their own number, to accept. Signing in comes first, and brings them back here.
 */
export default function InvitationsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const me = useMe();

  if (me.isPending) return <PageLoading />;
  if (me.isError) return <LoadError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;

  return (
    <Flex justify="center" style={{ paddingBlock: 24 }}>
      <div style={{ width: '100%', maxWidth: 640 }}>
        <Typography.Title level={2} style={{ marginTop: 0 }}>
          {t('invitations.pageTitle')}
        </Typography.Title>
        <Typography.Paragraph>{t('invitations.pageLead')}</Typography.Paragraph>
        <MyInvitationsCard standalone />
      </div>
    </Flex>
  );
}
