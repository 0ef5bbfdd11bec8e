import { Alert, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { useAcceptInvitation, useMyInvitations } from './queries';

/** On a signed-in home: an institution invited this person's number; accepting opens its workspace. */
export function MyInvitationsCard() {
  const { t } = useTranslation();
  const mine = useMyInvitations();
  const accept = useAcceptInvitation();
  const items = mine.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Card title={t('invitations.mineTitle')} size="small" style={{ marginBottom: 16 }} data-testid="my-invitations">
      {accept.error && <Alert type="error" showIcon title={accept.error.message} style={{ marginBottom: 12 }} />}
      <List
        size="small"
        dataSource={items}
        renderItem={(i) => (
          <List.Item
            key={i.id}
            data-testid="my-invitation"
            actions={[
              <Button
                key="accept"
                type="primary"
                loading={accept.isPending && accept.variables === i.id}
                onClick={() => accept.mutate(i.id)}
              >
                {t('invitations.accept')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={i.institutionName}
              description={
                <Typography.Text type="secondary">
                  {t('invitations.mineLine', { role: t(`roles.${i.role}`), date: toShanghaiDate(new Date(i.expiresAt)) })}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
    </Card>
  );
}
