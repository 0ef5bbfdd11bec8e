import { Alert, Button, Card, Flex, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayDisableAccount, mayRevoke } from '../../../../domain/access/appointments.ts';
import { formatInstant } from '../../../i18n/formatInstant';
import type { Me } from '../api';
import { scopeLabel } from '../roles';
import { AppointForm } from './AppointForm';
import type { Account } from './api';
import { useResetSecondFactor, useRevokeRole, useSetDisabled, useUnlockSignIn } from './queries';

/**
 * One account: its roles with their scope in words, last sign-in and state, and what the viewer
 * may do to it. Actions the server would refuse are not offered (the same rules from domain/), and
 * nobody is offered a change to their own account; a refusal still shows in the server's words.
 */
export function AccountCard({ account, me }: { account: Account; me: Me }) {
  const { t } = useTranslation();
  const [granting, setGranting] = useState(false);
  const [done, setDone] = useState<string>();
  const revoke = useRevokeRole(account.id);
  const disable = useSetDisabled(account.id);
  const resetTotp = useResetSecondFactor(account.id);
  const unlock = useUnlockSignIn(account.id);
  const error = [revoke, disable, resetTotp, unlock].find((m) => m.isError)?.error;

  const own = account.id === me.id;
  const isAdmin = me.roles.some((g) => g.role === 'admin');
  const mayDisable = !own && mayDisableAccount(me.roles, account.roles);
  const confirm = { okText: t('account.ok'), cancelText: t('account.cancel') };
  const after = (key: string) => ({ onSuccess: () => setDone(t(key)) });

  return (
    <Card
      size="small"
      data-testid="account"
      title={account.name}
      extra={account.disabled && <Tag color="red">{t('accounts.disabled')}</Tag>}
    >
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        {account.phone}
        <Typography.Text type="secondary">
          {' · '}
          {account.lastSignInAt
            ? t('accounts.lastSignIn', { at: formatInstant(account.lastSignInAt, { dateStyle: 'short', timeStyle: 'short' }) })
            : t('accounts.neverSignedIn')}
        </Typography.Text>
      </Typography.Paragraph>
      <Flex wrap gap={4} style={{ marginBottom: 8 }}>
        {account.roles.map((r) => {
          const label = `${t(`roles.${r.role}`)} · ${scopeLabel(r, t)}`;
          return !own && mayRevoke(me.roles, r) ? (
            <Popconfirm
              key={r.id}
              title={t('accounts.revokeConfirm', { role: label })}
              {...confirm}
              okButtonProps={{ danger: true }}
              onConfirm={() => revoke.mutate(r.id, after('accounts.revoked'))}
            >
              <Tag data-testid="account-role" style={{ cursor: 'pointer' }} closable onClose={(e) => e.preventDefault()}>
                {label}
              </Tag>
            </Popconfirm>
          ) : (
            <Tag key={r.id} data-testid="account-role">
              {label}
            </Tag>
          );
        })}
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} style={{ marginBottom: 8 }} data-testid="account-error" />}
      {done && !error && <Alert type="success" showIcon title={done} style={{ marginBottom: 8 }} />}
      {!own && (
        <Space wrap>
          <Button size="small" onClick={() => setGranting(true)}>
            {t('accounts.grant')}
          </Button>
          {mayDisable && (
            <Popconfirm
              title={t(account.disabled ? 'accounts.enableConfirm' : 'accounts.disableConfirm', { name: account.name })}
              {...confirm}
              okButtonProps={{ danger: !account.disabled }}
              onConfirm={() => disable.mutate(!account.disabled, after(account.disabled ? 'accounts.enabled' : 'accounts.disabledDone'))}
            >
              <Button size="small" danger={!account.disabled} loading={disable.isPending}>
                {t(account.disabled ? 'accounts.enable' : 'accounts.disable')}
              </Button>
            </Popconfirm>
          )}
          {isAdmin && (
            <>
              <Popconfirm
                title={t('accounts.resetTotpConfirm')}
                {...confirm}
                onConfirm={() => resetTotp.mutate(undefined, after('accounts.totpReset'))}
              >
                <Button size="small" loading={resetTotp.isPending}>
                  {t('accounts.resetTotp')}
                </Button>
              </Popconfirm>
              <Popconfirm
                title={t('accounts.unlockConfirm')}
                {...confirm}
                onConfirm={() => unlock.mutate(undefined, after('accounts.unlocked'))}
              >
                <Button size="small" loading={unlock.isPending}>
                  {t('accounts.unlock')}
                </Button>
              </Popconfirm>
            </>
          )}
        </Space>
      )}
      <Modal
        open={granting}
        title={t('accounts.grantTitle', { name: account.name })}
        footer={null}
        onCancel={() => setGranting(false)}
        destroyOnHidden
      >
        <AppointForm
          granter={me.roles}
          account={account}
          onDone={() => {
            setGranting(false);
            setDone(undefined);
          }}
        />
      </Modal>
    </Card>
  );
}
