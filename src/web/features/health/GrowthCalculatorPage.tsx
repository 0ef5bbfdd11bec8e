import { Alert, Button, Col, Row, Segmented, Typography } from 'antd';
import { type FormEvent, lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInShanghai } from '../../../domain/dates/shanghai.ts';
import { ageInDays, MAX_AGE_DAYS } from '../../../domain/growth/age.ts';
import type { ApiError } from '../../api/client';
import { Field, TextField } from '../../components/Field';
import { PageLoading } from '../../components/PageStatus';
import { Panel } from '../../components/Panel';
import type { Position, Sex, ZscoreInput, ZscoreResult } from './api';
import { fieldOfPath, type Measurement, usualPosition } from './growth';
import { useZscores } from './queries';

// The results and their charts only show after a calculation: their code loads while the server
// computes, not with the form.
const loadResults = () => import('./GrowthResults');
const GrowthResults = lazy(() => loadResults().then((m) => ({ default: m.GrowthResults })));

type AgeMode = 'dates' | 'days';

/** The form as typed: numbers stay text until sent, so a half-typed "3." is not rewritten. */
type FormValues = {
  sex?: Sex;
  ageMode: AgeMode;
  birthDate: string;
  measuredOn: string;
  ageDays: string;
  weightKg: string;
  lengthCm: string;
  /** Only once the user picked one; until then the age's usual way is shown and sent. */
  position?: Position;
  headCm: string;
};

const FIELDS = ['sex', 'birthDate', 'measuredOn', 'ageDays', 'weightKg', 'lengthCm', 'position', 'headCm'] as const;
type FieldName = (typeof FIELDS)[number];
type FieldErrors = Partial<Record<FieldName, string>>;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const RESULTS_ID = 'growth-results';

const numberOf = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

function toRequest(values: FormValues, position: Position | undefined): ZscoreInput {
  const body: ZscoreInput = { sex: values.sex as Sex };
  if (values.ageMode === 'days') body.ageDays = numberOf(values.ageDays);
  else {
    body.birthDate = values.birthDate;
    if (values.measuredOn) body.measuredOn = values.measuredOn;
  }
  body.weightKg = numberOf(values.weightKg);
  body.lengthCm = numberOf(values.lengthCm);
  if (body.lengthCm !== undefined) body.position = position;
  body.headCm = numberOf(values.headCm);
  return body;
}

/** The age the form describes, when it describes one: used to preselect lying or standing. */
function ageFromForm({ ageMode, birthDate, measuredOn, ageDays }: FormValues): number | undefined {
  if (ageMode === 'days') {
    const days = numberOf(ageDays);
    return days !== undefined && days >= 0 ? days : undefined;
  }
  if (!ISO_DATE.test(birthDate) || (measuredOn && !ISO_DATE.test(measuredOn))) return undefined;
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
  const zscores = useZscores();
  const today = todayInShanghai(new Date());
  const [values, setValues] = useState<FormValues>({
    ageMode: 'dates',
    birthDate: '',
    measuredOn: today,
    ageDays: '',
    weightKg: '',
    lengthCm: '',
    headCm: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState<Submitted | null>(null);
  const [formErrors, setFormErrors] = useState<{ title: string; messages: string[] } | null>(null);

  const formAge = ageFromForm(values);
  // Lying under 2 years, standing after, until the user picks one: the usual way to measure at
  // that age is also the likeliest, and a wrong position moves the result by 0.7 cm.
  const position = values.position ?? (formAge !== undefined ? usualPosition(formAge) : undefined);

  // A changed field drops its own error and the form's: they were about the value before.
  const change = <K extends keyof FormValues>(name: K, value: FormValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setErrors((e) => ({ ...e, [name]: undefined }));
    setFormErrors(null);
  };

  const showServerErrors = (error: ApiError) => {
    const visible = FIELDS.filter((f) => (values.ageMode === 'days' ? f !== 'birthDate' && f !== 'measuredOn' : f !== 'ageDays'));
    const rest: string[] = [];
    const byField: FieldErrors = {};
    const details = Array.isArray(error.details) ? (error.details as Array<{ path?: unknown; message?: unknown }>) : [];
    for (const detail of details) {
      if (typeof detail.message !== 'string') continue;
      const field = typeof detail.path === 'string' ? (fieldOfPath(detail.path, visible) as FieldName | undefined) : undefined;
      if (field) byField[field] = byField[field] ? `${byField[field]} ${detail.message}` : detail.message;
      else rest.push(detail.message);
    }
    setErrors(byField);
    if (rest.length > 0 || Object.keys(byField).length === 0) setFormErrors({ title: error.message, messages: rest });
  };

  /** The checks the page can make itself, in the user's language, before asking the server. */
  const missing = (): FieldErrors => {
    const found: FieldErrors = {};
    if (!values.sex) found.sex = t('growth.sexRequired');
    if (values.ageMode === 'days' && numberOf(values.ageDays) === undefined) found.ageDays = t('growth.ageDaysRequired');
    if (values.ageMode === 'dates' && !values.birthDate) found.birthDate = t('growth.birthDateRequired');
    return found;
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setFormErrors(null);
    const found = missing();
    const body = toRequest(values, position);
    if (body.weightKg === undefined && body.lengthCm === undefined && body.headCm === undefined)
      found.weightKg = t('growth.needMeasurement');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    void loadResults();
    zscores.mutate(body, {
      onSuccess: (result) => {
        const { sex, weightKg, lengthCm, position: measuredAs, headCm } = body;
        setSubmitted({ measurement: { sex, weightKg, lengthCm, position: measuredAs, headCm }, result });
      },
      onError: (error) => {
        setSubmitted(null);
        showServerErrors(error);
      },
    });
  };

  const numberField = (name: 'weightKg' | 'lengthCm' | 'headCm', label: string, suffix: string) => (
    <TextField
      label={label}
      error={errors[name]}
      type="number"
      inputMode="decimal"
      min={0}
      step={0.1}
      suffix={suffix}
      value={values[name]}
      onChange={(e) => change(name, e.target.value)}
    />
  );

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('growth.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('growth.lead')}</Typography.Paragraph>

      <Panel style={{ marginBottom: 16 }}>
        {/* The page checks and words its own messages; the browser's would be in its language, not the page's. */}
        <form noValidate onSubmit={onSubmit}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Field label={t('growth.sex')} error={errors.sex} group>
                {(control) => (
                  <Segmented<Sex | ''>
                    {...control}
                    value={values.sex ?? ''}
                    onChange={(sex) => change('sex', sex || undefined)}
                    options={[
                      { value: 'male', label: t('growth.male') },
                      { value: 'female', label: t('growth.female') },
                    ]}
                  />
                )}
              </Field>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Field label={t('growth.ageBy')} group>
                {(control) => (
                  <Segmented<AgeMode>
                    {...control}
                    value={values.ageMode}
                    onChange={(mode) => change('ageMode', mode)}
                    options={[
                      { value: 'dates', label: t('growth.byDates') },
                      { value: 'days', label: t('growth.byDays') },
                    ]}
                  />
                )}
              </Field>
            </Col>
            {values.ageMode === 'days' ? (
              <Col xs={24} sm={12} lg={6}>
                <TextField
                  label={t('growth.ageDays')}
                  error={errors.ageDays}
                  help={formAge !== undefined && formAge > MAX_AGE_DAYS ? t('growth.ageBeyondTables') : undefined}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  step={1}
                  suffix={t('growth.days')}
                  value={values.ageDays}
                  onChange={(e) => change('ageDays', e.target.value)}
                />
              </Col>
            ) : (
              <>
                <Col xs={24} sm={12} lg={6}>
                  <TextField
                    label={t('growth.birthDate')}
                    error={errors.birthDate}
                    type="date"
                    max={today}
                    value={values.birthDate}
                    onChange={(e) => change('birthDate', e.target.value)}
                  />
                </Col>
                <Col xs={24} sm={12} lg={6}>
                  <TextField
                    label={t('growth.measuredOn')}
                    error={errors.measuredOn}
                    help={t('growth.measuredOnHelp')}
                    type="date"
                    max={today}
                    value={values.measuredOn}
                    onChange={(e) => change('measuredOn', e.target.value)}
                  />
                </Col>
              </>
            )}
          </Row>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={5}>
              {numberField('weightKg', t('growth.weight'), 'kg')}
            </Col>
            <Col xs={24} sm={12} lg={5}>
              {numberField('lengthCm', t('growth.length'), 'cm')}
            </Col>
            <Col xs={24} sm={12} lg={8}>
              <Field label={t('growth.position')} error={errors.position} help={t('growth.positionHelp')} group>
                {(control) => (
                  <Segmented<Position | ''>
                    {...control}
                    value={position ?? ''}
                    onChange={(picked) => change('position', picked || undefined)}
                    options={[
                      { value: 'recumbent', label: t('growth.recumbent') },
                      { value: 'standing', label: t('growth.standing') },
                    ]}
                  />
                )}
              </Field>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              {numberField('headCm', t('growth.head'), 'cm')}
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
        </form>
      </Panel>

      {submitted && (
        <Suspense fallback={<PageLoading />}>
          <GrowthResults id={RESULTS_ID} measurement={submitted.measurement} result={submitted.result} />
        </Suspense>
      )}

      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('growth.source')}
      </Typography.Paragraph>
    </>
  );
}
