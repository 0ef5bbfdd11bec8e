import { Alert, Button, Col, Form, Input, InputNumber, Radio, Row } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { compareIso, todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { ageInDays } from '../../../domain/growth/age.ts';
import type { ApiError } from '../../api/client';
import { useFeedback } from '../../components/feedback';
import type { Measurement, MeasurementInput, Position } from './api';
import { fieldOfPath, usualPosition } from './growth';
import { useSaveMeasurement } from './queries';

type FormValues = {
  measuredOn?: string;
  weightKg?: number | null;
  lengthCm?: number | null;
  position?: Position;
  headCm?: number | null;
};

const FIELDS = ['measuredOn', 'weightKg', 'lengthCm', 'position', 'headCm'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const given = (n: number | null | undefined): number | undefined => (n === null || n === undefined ? undefined : n);

type Props = {
  childId: string;
  birthDate: string;
  /** An entry to correct instead of a new one: the form starts with its values. */
  editing?: Measurement;
  /** After a correction is saved. */
  onSaved?: () => void;
};

const valuesOf = (m: Measurement): FormValues => ({
  measuredOn: m.measuredOn,
  weightKg: m.weightKg,
  lengthCm: m.lengthCm,
  position: m.position ?? undefined,
  headCm: m.headCm,
});

/** 记录测量: one visit's weight, length or height (with how it was measured) and head circumference. */
export function MeasurementForm({ childId, birthDate, editing, onSaved }: Props) {
  const { t } = useTranslation();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<FormValues>();
  const record = useSaveMeasurement(childId, editing?.id);
  const [formError, setFormError] = useState<{ title: string; messages: string[] } | null>(null);
  const today = todayInShanghai(new Date());

  // Lying under 2 years, standing after, until the user picks: a wrong position moves the result 0.7 cm.
  const measuredOn = Form.useWatch('measuredOn', form);
  useEffect(() => {
    if (!measuredOn || !ISO_DATE.test(measuredOn) || compareIso(measuredOn, birthDate) < 0) return;
    if (!form.isFieldTouched('position')) form.setFieldValue('position', usualPosition(ageInDays(birthDate, measuredOn)));
  }, [form, measuredOn, birthDate]);

  const showServerErrors = (error: ApiError) => {
    const rest: string[] = [];
    const byField = new Map<string, string[]>();
    const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
    for (const detail of details) {
      if (typeof detail.message !== 'string') continue;
      const field = typeof detail.path === 'string' ? fieldOfPath(detail.path, FIELDS) : undefined;
      if (field) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
      else rest.push(detail.message);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof FormValues, errors })));
    if (rest.length > 0 || byField.size === 0) setFormError({ title: error.message, messages: rest });
  };

  const onFinish = (values: FormValues) => {
    setFormError(null);
    const body: MeasurementInput = { measuredOn: values.measuredOn as string };
    const weightKg = given(values.weightKg);
    const lengthCm = given(values.lengthCm);
    const headCm = given(values.headCm);
    if (weightKg === undefined && lengthCm === undefined && headCm === undefined) {
      form.setFields([{ name: 'weightKg', errors: [t('growthRecords.form.needMeasurement')] }]);
      return;
    }
    if (weightKg !== undefined) body.weightKg = weightKg;
    if (lengthCm !== undefined) {
      body.lengthCm = lengthCm;
      body.position = values.position;
    }
    if (headCm !== undefined) body.headCm = headCm;
    send(body);
  };

  // A value beyond ±3 SD is possible: the server asks, the recorder confirms and it is sent again.
  const send = (body: MeasurementInput) =>
    record.mutate(body, {
      onSuccess: () => {
        void message.success(t('growthRecords.form.saved', { date: body.measuredOn }));
        if (editing) return onSaved?.();
        form.setFieldsValue({ weightKg: null, lengthCm: null, headCm: null });
      },
      onError: (error) => {
        if (error.code !== 'MEASUREMENT_NEEDS_CONFIRMATION') return showServerErrors(error);
        const details = Array.isArray(error.details) ? (error.details as Array<{ message?: unknown }>) : [];
        modal.confirm({
          title: t('growthRecords.form.confirmTitle'),
          content: details.map((d) => String(d.message ?? '')).join(' '),
          okText: t('growthRecords.form.confirmOk'),
          cancelText: t('growthRecords.form.confirmCancel'),
          onOk: () => send({ ...body, confirmed: true }),
        });
      },
    });

  // No min or max on the inputs: a number field would clamp 95 to its max and save a value nobody
  // typed. The server judges every value and names the field it refuses.
  const numberInput = (suffix: string, label: string) => (
    <InputNumber<number> step={0.1} suffix={suffix} inputMode="decimal" aria-label={label} style={{ width: '100%' }} />
  );

  return (
    <Form<FormValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      initialValues={editing ? valuesOf(editing) : { measuredOn: today }}
      onFinish={onFinish}
      onValuesChange={() => setFormError(null)}
      data-testid={editing ? 'measurement-correction' : 'measurement-form'}
    >
      <Row gutter={16}>
        <Col xs={24} sm={12} lg={6}>
          <Form.Item
            label={t('growthRecords.form.measuredOn')}
            name="measuredOn"
            rules={[{ required: true, message: t('growthRecords.form.measuredOnRequired') }]}
          >
            <Input type="date" min={birthDate} max={today} />
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item label={t('growth.weight')} name="weightKg">
            {numberInput('kg', t('growth.weight'))}
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item label={t('growth.head')} name="headCm">
            {numberInput('cm', t('growth.head'))}
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={4}>
          <Form.Item label={t('growth.length')} name="lengthCm">
            {numberInput('cm', t('growth.length'))}
          </Form.Item>
        </Col>
        <Col xs={12} sm={12} lg={6}>
          <Form.Item label={t('growth.position')} name="position">
            <Radio.Group
              optionType="button"
              size="small"
              options={[
                { value: 'recumbent', label: t('growthRecords.form.recumbent') },
                { value: 'standing', label: t('growthRecords.form.standing') },
              ]}
            />
          </Form.Item>
        </Col>
      </Row>
      {formError && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          title={formError.title}
          description={formError.messages.length > 0 ? formError.messages.join(' ') : undefined}
          data-testid="measurement-error"
        />
      )}
      <Button type="primary" htmlType="submit" loading={record.isPending} style={{ minWidth: 140 }}>
        {t(editing ? 'growthRecords.form.submitCorrection' : 'growthRecords.form.submit')}
      </Button>
    </Form>
  );
}
