import { Alert, Button, Card, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../../components/feedback';
import { showFieldErrors } from '../../../components/showFieldErrors';
import type { NewCourse } from './api';
import { useCreateCourse } from './queries';

type Values = Omit<NewCourse, 'ageBand' | 'priceFen'> & { fromMonths?: number; toMonths?: number; priceYuan?: number };

const FIELDS = {
  kind: 'kind',
  title: 'title',
  description: 'description',
  audience: 'audience',
  ageBand: 'fromMonths',
  'ageBand.fromMonths': 'fromMonths',
  'ageBand.toMonths': 'toMonths',
  delivery: 'delivery',
  venue: 'venue',
  onlineUrl: 'onlineUrl',
  durationMinutes: 'durationMinutes',
  priceFen: 'priceYuan',
};

/** A new course: kind, audience with its age band, at the venue or online (allowed hosts only), price. */
export function CourseForm() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const audience = Form.useWatch('audience', form) ?? 'child';
  const delivery = Form.useWatch('delivery', form) ?? 'venue';
  const create = useCreateCourse();
  const [rest, setRest] = useState<string[]>([]);

  const onFinish = (v: Values) => {
    setRest([]);
    const body: NewCourse = {
      kind: v.kind,
      title: v.title,
      description: v.description ?? '',
      audience: v.audience,
      ageBand: v.audience === 'child' ? { fromMonths: v.fromMonths as number, toMonths: v.toMonths as number } : null,
      delivery: v.delivery,
      venue: v.delivery === 'venue' ? (v.venue ?? null) : null,
      onlineUrl: v.delivery === 'venue' ? null : (v.onlineUrl ?? null),
      durationMinutes: v.delivery === 'recorded' ? (v.durationMinutes ?? null) : null,
      priceFen: Math.round((v.priceYuan ?? 0) * 100),
    };
    create.mutate(body, {
      onSuccess: () => {
        form.resetFields();
        void message.success(t('courses.staff.created'));
      },
      onError: (e) => setRest(showFieldErrors(form, e, FIELDS)),
    });
  };

  return (
    <Card title={t('courses.staff.newCourse')} size="small">
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ kind: 'center_class', audience: 'child', delivery: 'venue', priceYuan: 0 }}
      >
        <Form.Item name="kind" label={t('courses.staff.kind')}>
          <Select
            options={(['center_class', 'expert_lecture', 'parent_class'] as const).map((k) => ({
              value: k,
              label: t(`courses.kind.${k}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('courses.staff.title')} rules={[{ required: true, message: t('courses.staff.required') }]}>
          <Input maxLength={100} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="description" label={t('courses.staff.description')}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="audience" label={t('courses.staff.audience')}>
          <Radio.Group
            options={[
              { value: 'child', label: t('courses.audience.child') },
              { value: 'parent', label: t('courses.audience.parent') },
            ]}
          />
        </Form.Item>
        {audience === 'child' && (
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Form.Item name="fromMonths" label={t('courses.staff.fromMonths')}>
              <InputNumber min={0} max={72} data-testid="from-months" />
            </Form.Item>
            <Form.Item name="toMonths" label={t('courses.staff.toMonths')}>
              <InputNumber min={1} max={72} data-testid="to-months" />
            </Form.Item>
          </div>
        )}
        <Form.Item name="delivery" label={t('courses.staff.delivery')}>
          <Radio.Group options={(['venue', 'live', 'recorded'] as const).map((d) => ({ value: d, label: t(`courses.delivery.${d}`) }))} />
        </Form.Item>
        {delivery === 'venue' ? (
          <Form.Item name="venue" label={t('courses.staff.venue')}>
            <Input maxLength={200} data-testid="course-venue" />
          </Form.Item>
        ) : (
          <Form.Item name="onlineUrl" label={t('courses.staff.onlineUrl')} extra={t('courses.staff.onlineHint')}>
            <Input maxLength={500} placeholder="https://" />
          </Form.Item>
        )}
        {delivery === 'recorded' && (
          <Form.Item name="durationMinutes" label={t('courses.staff.durationMinutes')} extra={t('courses.staff.durationHint')}>
            <InputNumber min={1} max={600} data-testid="duration-minutes" />
          </Form.Item>
        )}
        <Form.Item name="priceYuan" label={t('courses.staff.priceYuan')}>
          <InputNumber min={0} step={10} />
        </Form.Item>
        {rest.length > 0 && <Alert type="error" showIcon message={rest.join('；')} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="create-course">
          {t('courses.staff.create')}
        </Button>
      </Form>
    </Card>
  );
}
