import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { type NewPickupPerson, PICKUP_RELATIONS, postPickupPerson } from './api';
import { keys } from './queries';

/** Authorise a person to collect the child. The server checks the phone and the ID's check digit. */
export function PickupPersonForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (input: NewPickupPerson) => postPickupPerson(childId, input),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.pickup(childId) });
      onDone();
    },
  });
  const required = { required: true, message: t('enrollment.required') };

  return (
    <Form<NewPickupPerson>
      layout="vertical"
      initialValues={{ relation: 'grandparent' }}
      onFinish={(v) => add.mutate({ ...v, residentId: v.residentId?.trim() || undefined })}
      data-testid="pickup-form"
      style={{ marginBottom: 12 }}
    >
      <Form.Item name="name" label={t('enrollment.pickup.name')} rules={[required]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="relation" label={t('enrollment.pickup.relation')} rules={[required]}>
        <Select
          options={PICKUP_RELATIONS.map((r) => ({ value: r, label: t(`attendance.pickupRelation.${r}`) }))}
          data-testid="pickup-relation"
        />
      </Form.Item>
      <Form.Item name="phone" label={t('enrollment.pickup.phone')} rules={[required]}>
        <Input inputMode="tel" maxLength={11} autoComplete="off" />
      </Form.Item>
      <Form.Item name="residentId" label={t('enrollment.pickup.residentId')} extra={t('enrollment.pickup.residentIdHelp')}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <ErrorAlert error={add.error} style={{ marginBottom: 12 }} />
      <Button type="primary" htmlType="submit" loading={add.isPending} block>
        {t('enrollment.pickup.save')}
      </Button>
    </Form>
  );
}
