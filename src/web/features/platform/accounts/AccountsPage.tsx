import { Button, Empty, Flex, Input, List, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { AccountCard } from './AccountCard';
import { AppointForm } from './AppointForm';
import { useAccounts } from './queries';

/**
 * The accounts page of the admin and city officials: find an account by phone or name, appoint
 * officials, and take roles away. The server lists only the accounts the viewer manages (a
 * parent's only by their exact number), so the page shows whatever it is given.
 */
export default function AccountsPage({ me }: RolePageProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [q, setQ] = useState<string>();
  const [creating, setCreating] = useState(false);
  const accounts = useAccounts(q);

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('accounts.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('accounts.lead')}</Typography.Paragraph>
      <Flex wrap gap={8} style={{ marginBottom: 16 }}>
        <Input.Search
          aria-label={t('accounts.search')}
          placeholder={t('accounts.search')}
          allowClear
          enterButton
          maxLength={50}
          style={{ flex: '1 1 240px', maxWidth: 420 }}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(value) => setQ(value.trim() || undefined)}
        />
        <Button type="primary" onClick={() => setCreating(true)}>
          {t('accounts.create')}
        </Button>
      </Flex>
      {accounts.isError ? (
        <LoadError error={accounts.error} onRetry={() => void accounts.refetch()} />
      ) : (
        <List
          loading={accounts.isPending}
          dataSource={accounts.data?.items}
          grid={{ gutter: 12, xs: 1, md: 2, xl: 3 }}
          locale={{ emptyText: <Empty description={t('accounts.empty')} /> }}
          renderItem={(account) => (
            <List.Item key={account.id}>
              <AccountCard account={account} me={me} />
            </List.Item>
          )}
        />
      )}
      <Modal open={creating} title={t('accounts.createTitle')} footer={null} onCancel={() => setCreating(false)} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('accounts.createLead')}</Typography.Paragraph>
        <AppointForm
          granter={me.roles}
          onDone={(created) => {
            // The new account is what the appointer wants to see next.
            setCreating(false);
            setText(created.phone);
            setQ(created.phone);
          }}
        />
      </Modal>
    </>
  );
}
