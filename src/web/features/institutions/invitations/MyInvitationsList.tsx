import { Alert, Button, Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import type { Invitation } from './api';
import { useAcceptInvitation } from './queries';

/** The invitations to this person's number, each with its button to accept; see MyInvitationsCard. */
export default function MyInvitationsList({ items, loading }: { items: Invitation[]; loading: boolean }) {
  const { t } = useTranslation();
  const accept = useAcceptInvitation();
  return (
    <Card title={t('invitations.mineTitle')} size="small" style={{ marginBottom: 16 }} loading={loading} data-testid="my-invitations">
      {accept.error && <Alert type="error" showIcon title={accept.error.message} style={{ marginBottom: 12 }} />}
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('invitations.mineNone') }}
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
