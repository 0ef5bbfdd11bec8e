import { Alert, Button, Col, Form, Input, InputNumber, Radio, Row, Segmented, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { ageInDays, MAX_AGE_DAYS } from '../../../domain/growth/age.ts';
import type { ApiError } from '../../api/client';
import { Panel } from '../../components/Panel';
import type { Position, Sex, ZscoreInput, ZscoreResult } from './api';
import { GrowthResults } from './GrowthResults';
import { fieldOfPath, type Measurement, usualPosition } from './growth';
import { useZscores } from './queries';

type AgeMode = 'dates' | 'days';

type FormValues = {
  sex?: Sex;
  ageMode: AgeMode;
  birthDate?: string;
  measuredOn?: string;
  ageDays?: number | null;
  weightKg?: number | null;
  lengthCm?: number | null;
  position?: Position;
  headCm?: number | null;
};

const FIELDS = ['sex', 'birthDate', 'measuredOn', 'ageDays', 'weightKg', 'lengthCm', 'position', 'headCm'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RESULTS_ID = 'growth-results';

const given = (n: number | null | undefined): number | undefined => (n === null || n === undefined ? undefined : n);

function toRequest(values: FormValues): ZscoreInput {
  const body: ZscoreInput = { sex: values.sex as Sex };
  if (values.ageMode === 'days') body.ageDays = given(values.ageDays);
  else {
    body.birthDate = values.birthDate;
    if (values.measuredOn) body.measuredOn = values.measuredOn;
  }
  body.weightKg = given(values.weightKg);
  body.lengthCm = given(values.lengthCm);
  if (body.lengthCm !== undefined) body.position = values.position;
  body.headCm = given(values.headCm);
  return body;
}

/** The age the form describes, when it describes one: used to preselect lying or standing. */
function ageFromForm(mode: AgeMode | undefined, birthDate?: string, measuredOn?: string, days?: number | null): number | undefined {
  if (mode === 'days') return typeof days === 'number' && days >= 0 ? days : undefined;
  if (!birthDate || !ISO_DATE.test(birthDate) || (measuredOn && !ISO_DATE.test(measuredOn))) return undefined;
  try {
    const age = ageInDays(birthDate, measuredOn || todayInShanghai(new Date()));
    return age >= 0 ? age : undefined;
  } catch {
    return undefined;
  }
}

type Submitted = { measurement: Measurement; result: ZscoreResult };

/** 生长评价: anyone enters one measurement and reads WHO z-scores, percentiles and charts. Nothing is stored. */
export default function GrowthCalculatorPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const zscores = useZscores();
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [formErrors, setFormErrors] = useState<{ title: string; messages: string[] } | null>(null);
  const today = todayInShanghai(new Date());

  const mode = Form.useWatch('ageMode', form);
  const birthDate = Form.useWatch('birthDate', form);
  const measuredOn = Form.useWatch('measuredOn', form);
  const ageDaysField = Form.useWatch('ageDays', form);
  const formAge = ageFromForm(mode, birthDate, measuredOn, ageDaysField);

  // Lying under 2 years, standing after, until the user picks one: the usual way to measure at
  // that age is also the likeliest, and a wrong position moves the result by 0.7 cm.
  useEffect(() => {
    if (formAge !== undefined && !form.isFieldTouched('position')) form.setFieldValue('position', usualPosition(formAge));
  }, [form, formAge]);

  // On a phone the results open below the form, out of sight of the button just tapped.
  useEffect(() => {
    if (submitted) document.getElementById(RESULTS_ID)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  }, [submitted]);

  const showServerErrors = (error: ApiError, values: FormValues) => {
    const visible = FIELDS.filter((f) => (values.ageMode === 'days' ? f !== 'birthDate' && f !== 'measuredOn' : f !== 'ageDays'));
    const rest: string[] = [];
    const byField = new Map<string, string[]>();
    const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
    for (const detail of details) {
      if (typeof detail.message !== 'string') continue;
      const field = typeof detail.path === 'string' ? fieldOfPath(detail.path, visible) : undefined;
      if (field) byField.set(field, [...(byField.get(field) ?? []), detail.message]);
      else rest.push(detail.message);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name: name as keyof FormValues, errors })));
    if (rest.length > 0 || byField.size === 0) setFormErrors({ title: error.message, messages: rest });
  };

  const onFinish = (values: FormValues) => {
    setFormErrors(null);
    const body = toRequest(values);
    if (body.weightKg === undefined && body.lengthCm === undefined && body.headCm === undefined) {
      form.setFields([{ name: 'weightKg', errors: [t('growth.needMeasurement')] }]);
      return;
    }
    zscores.mutate(body, {
      onSuccess: (result) => {
        const { sex, weightKg, lengthCm, position, headCm } = body;
        setSubmitted({ measurement: { sex, weightKg, lengthCm, position, headCm }, result });
      },
      onError: (error) => {
        setSubmitted(null);
        showServerErrors(error, values);
      },
    });
  };

  const numberInput = (suffix: string, max: number) => (
    <InputNumber<number> min={0} max={max} step={0.1} suffix={suffix} inputMode="decimal" style={{ width: '100%' }} />
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('growth.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('growth.lead')}</Typography.Paragraph>

      <Panel style={{ marginBottom: 16 }}>
        <Form<FormValues>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={{ ageMode: 'dates', measuredOn: today }}
          onFinish={onFinish}
          onValuesChange={() => setFormErrors(null)}
        >
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('growth.sex')} name="sex" rules={[{ required: true, message: t('growth.sexRequired') }]}>
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  options={[
                    { value: 'male', label: t('growth.male') },
                    { value: 'female', label: t('growth.female') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('growth.ageBy')} name="ageMode">
                <Segmented<AgeMode>
                  options={[
                    { value: 'dates', label: t('growth.byDates') },
                    { value: 'days', label: t('growth.byDays') },
                  ]}
                />
              </Form.Item>
            </Col>
            {mode === 'days' ? (
              <Col xs={24} sm={12} lg={6}>
                <Form.Item
                  label={t('growth.ageDays')}
                  name="ageDays"
                  extra={formAge !== undefined && formAge > MAX_AGE_DAYS ? t('growth.ageBeyondTables') : undefined}
                  rules={[{ required: true, message: t('growth.ageDaysRequired') }]}
                >
                  <InputNumber<number> min={0} precision={0} suffix={t('growth.days')} inputMode="numeric" style={{ width: '100%' }} />
                </Form.Item>
              </Col>
            ) : (
              <>
                <Col xs={24} sm={12} lg={6}>
                  <Form.Item
                    label={t('growth.birthDate')}
                    name="birthDate"
                    rules={[{ required: true, message: t('growth.birthDateRequired') }]}
                  >
                    <Input type="date" max={today} />
                  </Form.Item>
                </Col>
                <Col xs={24} sm={12} lg={6}>
                  <Form.Item label={t('growth.measuredOn')} name="measuredOn" extra={t('growth.measuredOnHelp')}>
                    <Input type="date" max={today} />
                  </Form.Item>
                </Col>
              </>
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('growth.weight')} name="weightKg">
                {numberInput('kg', 60)}
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={5}>
              <Form.Item label={t('growth.length')} name="lengthCm">
                {numberInput('cm', 150)}
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Form.Item label={t('growth.position')} name="position" extra={t('growth.positionHelp')}>
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'recumbent', label: t('growth.recumbent') },
                    { value: 'standing', label: t('growth.standing') },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label={t('growth.head')} name="headCm">
                {numberInput('cm', 70)}
              </Form.Item>
            </Col>
          </Row>
          {formErrors && (
            <Alert
              type="error"
              showIcon
              style={{ marginBottom: 16 }}
              title={formErrors.title}
              description={
                formErrors.messages.length > 0 ? (
                  <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                    {formErrors.messages.map((message) => (
                      <li key={message}>{message}</li>
                    ))}
                  </ul>
                ) : undefined
              }
              data-testid="growth-error"
            />
          )}
          <Button type="primary" htmlType="submit" size="large" loading={zscores.isPending} style={{ minWidth: 160 }}>
            {t('growth.submit')}
          </Button>
        </Form>
      </Panel>

      {submitted && <GrowthResults id={RESULTS_ID} measurement={submitted.measurement} result={submitted.result} />}

      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('growth.source')}
      </Typography.Paragraph>
    </>
  );
}
