import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../components/showFieldErrors';
import { type NewPickupPerson, PICKUP_RELATIONS, postPickupPerson } from './api';
import { keys } from './queries';

/** The server's checks shown at the fields they are about (a wrong ID check digit under the ID). */
const PICKUP_FIELDS = { name: 'name', relation: 'relation', phone: 'phone', residentId: 'residentId' };

/** Authorise a person to collect the child. The server checks the phone and the ID's check digit. */
export function PickupPersonForm({ childId, onDone }: { childId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form] = Form.useForm<NewPickupPerson>();
  const [formError, setFormError] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: (input: NewPickupPerson) => postPickupPerson(childId, input),
    onMutate: () => setFormError([]),
    onError: (e) => setFormError(showFieldErrors(form, e, PICKUP_FIELDS)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.pickup(childId) });
      onDone();
    },
  });
  const required = { required: true, message: t('enrollment.required') };

  return (
    <Form<NewPickupPerson>
      form={form}
      name="pickupPerson"
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
      {formError.length > 0 && (
        <Alert type="error" showIcon title={formError.join('；')} style={{ marginBottom: 12 }} data-testid="error" />
      )}
      <Button type="primary" htmlType="submit" loading={add.isPending} block>
        {t('enrollment.pickup.save')}
      </Button>
    </Form>
  );
}
