import { Alert, Button, Card, Form, Input, InputNumber, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../components/feedback';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { NewTraining, TrainingDetail } from './api';
import { useCreateTraining, useUpdateTraining } from './queries';

type Values = Omit<NewTraining, 'venue' | 'onlineUrl' | 'textbookUrl'> & { venue?: string; onlineUrl?: string; textbookUrl?: string };

const FIELDS = {
  title: 'title',
  audience: 'audience',
  description: 'description',
  requiredHours: 'requiredHours',
  delivery: 'delivery',
  venue: 'venue',
  onlineUrl: 'onlineUrl',
  textbookUrl: 'textbookUrl',
};

/**
 * A new training: for directors, staff or both, the hours to complete it, where, and its
 * textbook. Given a training, the same form corrects it; its audience stays as it was (the people
 * enrolled were chosen for it), and the server's refusals show at the fields they concern.
 */
export function TrainingForm({ editing, onSaved }: { editing?: TrainingDetail; onSaved?: () => void }) {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const create = useCreateTraining();
  const update = useUpdateTraining();
  const [rest, setRest] = useState<string[]>([]);
  const delivery = Form.useWatch('delivery', form);
  const required = [{ required: true, message: t('trainings.required') }];
  const onFinish = (v: Values) => {
    setRest([]);
    const body: NewTraining = {
      title: v.title,
      audience: v.audience,
      description: v.description ?? '',
      requiredHours: v.requiredHours,
      delivery: v.delivery,
      venue: v.delivery === 'venue' ? (v.venue ?? null) : null,
      onlineUrl: v.delivery === 'online' ? (v.onlineUrl ?? null) : null,
      textbookUrl: v.textbookUrl ? v.textbookUrl : null,
    };
    const onError = (e: Error) => setRest(showFieldErrors(form, e, FIELDS));
    if (editing)
      update.mutate(
        { trainingId: editing.id, body },
        {
          onSuccess: () => {
            void message.success(t('trainings.saved'));
            onSaved?.();
          },
          onError,
        },
      );
    else
      create.mutate(body, {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('trainings.created'));
        },
        onError,
      });
  };
  const initialValues: Partial<Values> = editing
    ? {
        title: editing.title,
        audience: editing.audience,
        description: editing.description,
        requiredHours: editing.requiredHours,
        delivery: editing.delivery,
        venue: editing.venue ?? undefined,
        onlineUrl: editing.onlineUrl ?? undefined,
        textbookUrl: editing.textbookUrl ?? undefined,
      }
    : { audience: 'director', delivery: 'venue' };
  const fields = (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={initialValues}
      // Its own field ids, so each label leads to its own field beside the new-training form.
      name={editing ? `training-${editing.id}` : undefined}
      data-testid={editing ? 'training-edit-form' : 'training-form'}
    >
      <Form.Item name="title" label={t('trainings.fields.title')} rules={required}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="audience" label={t('trainings.fields.audience')} extra={editing ? t('trainings.fields.audienceFixed') : undefined}>
        <Radio.Group
          disabled={!!editing}
          options={(['director', 'staff', 'all'] as const).map((a) => ({ value: a, label: t(`trainings.audience.${a}`) }))}
        />
      </Form.Item>
      <Form.Item name="requiredHours" label={t('trainings.fields.requiredHours')} rules={required}>
        <InputNumber min={0.5} max={500} step={0.5} />
      </Form.Item>
      <Form.Item name="delivery" label={t('trainings.fields.delivery')}>
        <Radio.Group
          options={[
            { value: 'venue', label: t('trainings.venue') },
            { value: 'online', label: t('trainings.online') },
          ]}
        />
      </Form.Item>
      {delivery === 'online' ? (
        <Form.Item name="onlineUrl" label={t('trainings.fields.onlineUrl')} rules={required}>
          <Input placeholder="https://" />
        </Form.Item>
      ) : (
        <Form.Item name="venue" label={t('trainings.fields.venue')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="textbookUrl" label={t('trainings.fields.textbookUrl')} extra={t('trainings.fields.textbookHint')}>
        <Input placeholder="https://…/textbook.pdf" />
      </Form.Item>
      <Form.Item name="description" label={t('trainings.fields.description')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={create.isPending || update.isPending}>
        {editing ? t('trainings.save') : t('trainings.create')}
      </Button>
    </Form>
  );
  if (editing) return fields;
  return (
    <Card title={t('trainings.new')} size="small">
      {fields}
    </Card>
  );
}
