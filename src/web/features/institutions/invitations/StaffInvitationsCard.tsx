import { Button, Card, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toShanghaiDate } from '../../../../domain/dates/shanghai.ts';
import { isMobilePhone } from '../../../../domain/identity/phone.ts';
import { INVITATION_ROLES, type InvitationRole, type InvitationStatus } from '../../../../domain/institutions/invitations.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { InstitutionRecord } from '../api';
import { FormError } from '../director/FormError';
import { useInvitations, useInvite, useRevokeInvitation } from './queries';

type Values = { phone: string; role: InvitationRole; staffId?: string };

const FIELDS = { phone: 'phone', role: 'role', staffId: 'staffId' };

const STATUS_COLOR: Record<InvitationStatus, string> = { pending: 'blue', accepted: 'green', revoked: 'default', expired: 'orange' };

/**
 * The director gives staff their own accounts: a phone number is invited as caregiver or second
 * director, optionally as someone on the roster (whose leaving then ends the role). Revoking an
 * accepted invitation takes the role away at once, so it asks first.
 */
export function StaffInvitationsCard({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const invitations = useInvitations(record.id);
  const invite = useInvite(record.id);
  const revoke = useRevokeInvitation(record.id);
  const staffName = new Map(record.staff.map((s) => [s.id, s.name]));

  const submit = (v: Values) => {
    setFormError([]);
    invite.mutate(
      { phone: v.phone.trim(), role: v.role, staffId: v.staffId || undefined },
      {
        onSuccess: () => form.resetFields(),
        onError: (e) => setFormError(showFieldErrors(form, e, FIELDS)),
      },
    );
  };

  return (
    <Card title={t('invitations.title')} data-testid="staff-invitations">
      <Typography.Paragraph type="secondary">{t('invitations.lead')}</Typography.Paragraph>
      <FormError messages={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        requiredMark={false}
        initialValues={{ role: 'caregiver' }}
        onFinish={submit}
        aria-label={t('invitations.invite')}
      >
        <Space wrap align="end">
          <Form.Item
            label={t('invitations.phone')}
            name="phone"
            rules={[
              { required: true, message: t('institutions.required') },
              {
                validator: (_, value: string | undefined) => (!value || isMobilePhone(value.trim()) ? Promise.resolve() : Promise.reject()),
                message: t('login.phoneInvalid'),
              },
            ]}
          >
            <Input type="tel" inputMode="tel" maxLength={11} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label={t('invitations.role')} name="role">
            <Select style={{ width: 140 }} options={INVITATION_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
          <Form.Item label={t('invitations.staff')} name="staffId">
            <Select
              allowClear
              style={{ width: 180 }}
              placeholder={t('invitations.staffNone')}
              options={record.staff.map((s) => ({ value: s.id, label: `${s.name} · ${t(`institutions.role.${s.role}`)}` }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={invite.isPending}>
              {t('invitations.invite')}
            </Button>
          </Form.Item>
        </Space>
      </Form>

      <List
        style={{ marginTop: 16 }}
        size="small"
        loading={invitations.isPending}
        locale={{ emptyText: t('invitations.none') }}
        dataSource={invitations.data?.items ?? []}
        renderItem={(i) => (
          <List.Item
            key={i.id}
            data-testid="invitation"
            actions={
              i.status === 'pending' || i.status === 'accepted'
                ? [
                    <Popconfirm
                      key="revoke"
                      title={t(i.status === 'accepted' ? 'invitations.revokeAcceptedConfirm' : 'invitations.revokeConfirm')}
                      okText={t('invitations.revoke')}
                      cancelText={t('invitations.cancel')}
                      onConfirm={() => revoke.mutate(i.id, { onError: (e) => setFormError([e.message]) })}
                    >
                      <Button size="small" danger disabled={revoke.isPending}>
                        {t('invitations.revoke')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space wrap size={[8, 0]}>
              <Typography.Text>{i.phone}</Typography.Text>
              <Typography.Text>{t(`roles.${i.role}`)}</Typography.Text>
              {i.staffId && <Typography.Text type="secondary">{staffName.get(i.staffId) ?? ''}</Typography.Text>}
              <Tag color={STATUS_COLOR[i.status]} data-testid="invitation-status">
                {t(`invitations.status.${i.status}`)}
              </Tag>
              {i.status === 'pending' && (
                <Typography.Text type="secondary">
                  {t('invitations.expires', { date: toShanghaiDate(new Date(i.expiresAt)) })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}
