import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Form, InputNumber, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../components/feedback';
import { LoadError } from '../../components/PageStatus';
import { showFieldErrors } from '../../components/showFieldErrors';
import type { OversightSettings, OversightSettingsInput } from './api';
import { useOversightSettings, useSaveOversightSettings } from './queries';

type Values = {
  placesPer1000: number;
  coveragePercent: number;
  catchmentKm: number;
  desertThresholdPer100: number;
  steps: { upToKm: number; weight: number }[];
};

const FIELDS = {
  'targets.placesPer1000': 'placesPer1000',
  'targets.townshipCoverage': 'coveragePercent',
  'access.catchmentKm': 'catchmentKm',
  'access.desertThresholdPer100': 'desertThresholdPer100',
  'access.steps': 'steps',
};

// Coverage is a share on the wire and a percentage on screen.
const valuesOf = (s: Pick<OversightSettings, 'targets' | 'access'>): Values => ({
  placesPer1000: s.targets.placesPer1000,
  coveragePercent: Math.round(s.targets.townshipCoverage * 1000) / 10,
  catchmentKm: s.access.catchmentKm,
  desertThresholdPer100: s.access.desertThresholdPer100,
  steps: s.access.steps,
});

const inputOf = (v: Values): OversightSettingsInput => ({
  targets: { placesPer1000: v.placesPer1000, townshipCoverage: v.coveragePercent / 100 },
  access: { catchmentKm: v.catchmentKm, desertThresholdPer100: v.desertThresholdPer100, steps: v.steps },
});

/** The city's targets and how accessibility is measured: the city commission sets them, every dashboard follows. */
export function SettingsCard() {
  const { t } = useTranslation();
  const { message } = useFeedback();
  const settings = useOversightSettings();
  const save = useSaveOversightSettings();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);

  if (settings.isPending) return null;
  if (settings.isError) return <LoadError error={settings.error} onRetry={() => void settings.refetch()} />;

  async function submit(values: Values) {
    setFormError([]);
    try {
      await save.mutateAsync(inputOf(values));
      void message.success(t('oversight.settings.saved'));
    } catch (error) {
      setFormError(showFieldErrors(form, error as Error, FIELDS));
    }
  }

  const number = { style: { width: '100%' } };
  return (
    <Card title={t('oversight.settings.title')} data-testid="oversight-settings">
      <Typography.Paragraph type="secondary">{t('oversight.settings.intro')}</Typography.Paragraph>
      <Form form={form} layout="vertical" initialValues={valuesOf(settings.data)} onFinish={(v) => void submit(v)}>
        <Row gutter={16}>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="placesPer1000" label={t('oversight.settings.placesPer1000')} rules={[{ required: true }]}>
              <InputNumber min={0.1} max={50} step={0.1} {...number} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="coveragePercent" label={t('oversight.settings.coverage')} rules={[{ required: true }]}>
              <InputNumber min={0} max={100} addonAfter="%" {...number} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="catchmentKm" label={t('oversight.settings.catchmentKm')} rules={[{ required: true }]}>
              <InputNumber min={0.1} max={100} step={0.5} addonAfter={t('oversight.settings.km')} {...number} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Form.Item name="desertThresholdPer100" label={t('oversight.settings.threshold')} rules={[{ required: true }]}>
              <InputNumber min={0} max={1000} {...number} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Text strong>{t('oversight.settings.steps')}</Typography.Text>
        <Form.List name="steps">
          {(fields, { add, remove }, { errors }) => (
            <Flex vertical gap={4} style={{ marginTop: 8 }}>
              {fields.map((field, i) => (
                <Flex key={field.key} gap={8} align="baseline" wrap data-testid="weight-step">
                  <Form.Item name={[field.name, 'upToKm']} rules={[{ required: true }]} style={{ marginBottom: 0, flex: '1 1 150px' }}>
                    <InputNumber
                      min={0.1}
                      max={100}
                      step={0.5}
                      addonBefore={t('oversight.settings.upTo')}
                      addonAfter={t('oversight.settings.km')}
                      {...number}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'weight']} rules={[{ required: true }]} style={{ marginBottom: 0, flex: '1 1 150px' }}>
                    <InputNumber min={0} max={1} step={0.01} addonBefore={t('oversight.settings.weight')} {...number} />
                  </Form.Item>
                  {fields.length > 1 && (
                    <MinusCircleOutlined aria-label={t('oversight.settings.removeStep', { n: i + 1 })} onClick={() => remove(field.name)} />
                  )}
                </Flex>
              ))}
              {errors.length > 0 && (
                <Typography.Text type="danger" role="alert">
                  {errors}
                </Typography.Text>
              )}
              {fields.length < 10 && (
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
                  {t('oversight.settings.addStep')}
                </Button>
              )}
            </Flex>
          )}
        </Form.List>
        {formError.length > 0 && <Alert type="error" showIcon message={formError.join(' ')} style={{ marginTop: 12 }} />}
        <Flex gap={8} wrap style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="settings-save">
            {t('oversight.settings.save')}
          </Button>
          <Button onClick={() => form.setFieldsValue(valuesOf(settings.data.defaults))}>{t('oversight.settings.defaults')}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
