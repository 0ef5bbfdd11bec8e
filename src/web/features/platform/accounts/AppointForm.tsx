import { Button, Form, Input, Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { APPOINTED_ROLES, type AppointedRole, appointableDivisions } from '../../../../domain/access/appointments.ts';
import { ApiError } from '../../../api/client';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { DivisionNode } from '../../geography/api';
import { useDivisionTree } from '../../geography/queries';
import { FormError } from '../../institutions/director/FormError';
import type { RoleGrant } from '../api';
import type { Account } from './api';
import { useCreateAccount, useGrantRole } from './queries';

type Values = { phone: string; name: string; role: AppointedRole; divisionCode: string };

// Refusals that carry no field path but belong to one field: the number taken, the division out of reach.
const FIELD_OF_CODE: Record<string, keyof Values> = {
  PHONE_HAS_ACCOUNT: 'phone',
  ROLE_TOO_WIDE: 'divisionCode',
  ROLE_DIVISION_MISMATCH: 'divisionCode',
};
const FIELDS = {
  phone: 'phone',
  name: 'name',
  role: 'role',
  divisionCode: 'divisionCode',
  'roles.0.role': 'role',
  'roles.0.divisionCode': 'divisionCode',
};

function flatten(nodes: readonly DivisionNode[]): DivisionNode[] {
  return nodes.flatMap((n) => [n, ...flatten(n.children)]);
}

type Props = {
  /** The appointer's own roles: what they may grant is decided by the same rule as on the server. */
  granter: readonly RoleGrant[];
  /** Grant a role to this account; without it the form creates a new account. */
  account?: Account;
  onDone: (account: Account) => void;
};

/** A new official's account, or one more role for an existing account, with the division it covers. */
export function AppointForm({ granter, account, onDone }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const tree = useDivisionTree();
  const create = useCreateAccount();
  const grant = useGrantRole(account?.id ?? '');
  const role = Form.useWatch('role', form);

  const divisions = useMemo(() => flatten(tree.data?.tree ?? []), [tree.data]);
  const roles = APPOINTED_ROLES.filter((r) => appointableDivisions(granter, r, divisions).length > 0);
  const options = role
    ? appointableDivisions(granter, role, divisions).map((d) => ({ value: d.code, label: `${d.name}（${d.code}）` }))
    : [];

  const refused = (error: Error) => {
    const field = error instanceof ApiError ? FIELD_OF_CODE[error.code] : undefined;
    if (field) {
      form.setFields([{ name: field, errors: [error.message] }]);
      setFormError([]);
    } else setFormError(showFieldErrors(form, error, FIELDS));
  };

  const submit = (v: Values) => {
    setFormError([]);
    const appointment = { role: v.role, divisionCode: v.divisionCode };
    if (account) grant.mutate(appointment, { onSuccess: onDone, onError: refused });
    else create.mutate({ phone: v.phone, name: v.name, roles: [appointment] }, { onSuccess: onDone, onError: refused });
  };

  // The first role offered is chosen when the form mounts, so it waits for the divisions.
  if (tree.isPending) return <Spin />;
  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="appoint-form" initialValues={{ role: roles[0] }}>
      <FormError messages={formError} />
      {!account && (
        <>
          <Form.Item label={t('accounts.phone')} name="phone" rules={[{ required: true, message: t('accounts.required') }]}>
            <Input inputMode="tel" autoComplete="off" maxLength={11} />
          </Form.Item>
          <Form.Item label={t('accounts.name')} name="name" rules={[{ required: true, message: t('accounts.required') }]}>
            <Input autoComplete="off" />
          </Form.Item>
        </>
      )}
      <Form.Item label={t('accounts.role')} name="role" rules={[{ required: true, message: t('accounts.required') }]}>
        <Select
          options={roles.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          onChange={() => form.setFieldValue('divisionCode', undefined)}
        />
      </Form.Item>
      <Form.Item label={t('accounts.division')} name="divisionCode" rules={[{ required: true, message: t('accounts.required') }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={create.isPending || grant.isPending} block>
        {account ? t('accounts.grant') : t('accounts.create')}
      </Button>
    </Form>
  );
}
