import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { OperatorType } from '../../../../domain/institutions/vocabulary.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { type FactsPatch, type InstitutionRecord, patchInstitution } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

const FACT_FIELDS: Record<string, string> = {
  name: 'name',
  creditCode: 'creditCode',
  operatorType: 'operatorType',
  address: 'address',
  location: 'location.lat',
  'location.lat': 'location.lat',
  'location.lng': 'location.lng',
  servesMeals: 'servesMeals',
  indoorAreaM2: 'indoorAreaM2',
  outdoorAreaM2: 'outdoorAreaM2',
  ...Object.fromEntries(ClassType.map((c) => [`monthlyFeeYuan.${c}`, `fee.${c}`])),
};

/** The registry facts the director keeps (key facts of a filed institution wait for a change filing), and the monthly fee per class type. */
export function FactsForm({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm();
  const [formError, setFormError] = useState<string[]>([]);
  const saved = useSaved(record.id);
  const patch = useMutation({
    mutationFn: (p: FactsPatch) => patchInstitution(record.id, p),
    onMutate: () => setFormError([]),
    onSuccess: saved,
    onError: (e) => setFormError(showFieldErrors(form, e, FACT_FIELDS)),
  });
  return (
    <Card title={t('institutions.keyFacts')} id="director-facts">
      <Form
        form={form}
        name="facts"
        layout="vertical"
        initialValues={{ ...record.facts, fee: record.facts.monthlyFeeYuan }}
        onFinish={(v) =>
          patch.mutate({
            name: v.name,
            creditCode: v.creditCode || undefined,
            operatorType: v.operatorType ?? undefined,
            address: v.address || undefined,
            // A point needs both coordinates; one alone is left for the director to finish.
            location: typeof v.location?.lat === 'number' && typeof v.location?.lng === 'number' ? v.location : undefined,
            servesMeals: v.servesMeals,
            indoorAreaM2: v.indoorAreaM2 ?? undefined,
            outdoorAreaM2: v.outdoorAreaM2 ?? undefined,
            monthlyFeeYuan: Object.fromEntries(ClassType.filter((c) => typeof v.fee?.[c] === 'number').map((c) => [c, v.fee[c]])),
          })
        }
      >
        <Form.Item label={t('institutions.name')} name="name">
          <Input />
        </Form.Item>
        <Form.Item label={t('institutions.creditCode')} name="creditCode">
          <Input />
        </Form.Item>
        <Form.Item label={t('registry.operatorType')} name="operatorType">
          <Select allowClear options={OperatorType.map((o) => ({ value: o, label: t(`registry.operator.${o}`) }))} />
        </Form.Item>
        <Form.Item label={t('institutions.address')} name="address">
          <Input />
        </Form.Item>
        <Form.Item label={t('institutions.director.location')} extra={t('institutions.director.locationHint')} style={{ marginBottom: 0 }}>
          <Space wrap>
            <Form.Item label={t('institutions.director.lat')} name={['location', 'lat']}>
              <InputNumber min={-90} max={90} step={0.0001} />
            </Form.Item>
            <Form.Item label={t('institutions.director.lng')} name={['location', 'lng']}>
              <InputNumber min={-180} max={180} step={0.0001} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item label={t('institutions.director.meals')} name="servesMeals" valuePropName="checked">
          <Switch />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('institutions.indoorArea')} name="indoorAreaM2">
            <InputNumber min={0} />
          </Form.Item>
          <Form.Item label={t('institutions.outdoorArea')} name="outdoorAreaM2">
            <InputNumber min={0} />
          </Form.Item>
          {ClassType.map((c) => (
            <Form.Item key={c} label={t('institutions.feeFor', { type: t(`institutions.classType.${c}`) })} name={['fee', c]}>
              <InputNumber min={0} />
            </Form.Item>
          ))}
        </Space>
        <FormError messages={formError} />
        <Button htmlType="submit" loading={patch.isPending}>
          {t('institutions.saveFacts')}
        </Button>
      </Form>
    </Card>
  );
}
