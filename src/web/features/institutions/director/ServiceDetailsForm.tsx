import { useMutation } from '@tanstack/react-query';
import { Button, Card, Checkbox, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ServiceForm, Weekday } from '../../../../domain/institutions/vocabulary.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { type FactsPatch, type InstitutionRecord, patchInstitution } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

type Values = {
  serviceForms: ServiceForm[];
  openingHours: { opensAt?: string; closesAt?: string; weekdays: number[] };
  contactPhone?: string;
};

const FIELDS: Record<string, string> = {
  serviceForms: 'serviceForms',
  openingHours: 'openingHours.opensAt',
  'openingHours.opensAt': 'openingHours.opensAt',
  'openingHours.closesAt': 'openingHours.closesAt',
  'openingHours.weekdays': 'openingHours.weekdays',
  contactPhone: 'contactPhone',
};

const WORKING_WEEK = [1, 2, 3, 4, 5];

/** Service forms, opening hours and the phone: facts a filed institution publishes at once, without a change filing. */
export function ServiceDetailsForm({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const saved = useSaved(record.id);
  const patch = useMutation({
    mutationFn: (p: FactsPatch) => patchInstitution(record.id, p),
    onMutate: () => setFormError([]),
    onSuccess: saved,
    onError: (e) => setFormError(showFieldErrors(form, e, FIELDS)),
  });
  const hours = record.facts.openingHours;
  return (
    <Card title={t('institutions.director.service')} id="director-service">
      <Typography.Paragraph type="secondary">{t('institutions.director.serviceHint')}</Typography.Paragraph>
      <Form
        form={form}
        name="service"
        layout="vertical"
        initialValues={{
          serviceForms: record.facts.serviceForms,
          openingHours: { opensAt: hours?.opensAt, closesAt: hours?.closesAt, weekdays: hours?.weekdays ?? WORKING_WEEK },
          contactPhone: record.facts.contactPhone ?? '',
        }}
        onFinish={(v) => {
          const { opensAt, closesAt, weekdays } = v.openingHours;
          patch.mutate({
            serviceForms: v.serviceForms,
            // Hours left empty stay as they were; half of them goes to the server, which names the missing half.
            ...(opensAt || closesAt ? { openingHours: { opensAt: opensAt ?? '', closesAt: closesAt ?? '', weekdays } } : {}),
            contactPhone: v.contactPhone?.trim() || null,
          });
        }}
      >
        <Form.Item label={t('registry.serviceForms')} name="serviceForms">
          <Checkbox.Group options={ServiceForm.map((f) => ({ value: f, label: t(`registry.serviceForm.${f}`) }))} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={t('institutions.director.opensAt')} name={['openingHours', 'opensAt']}>
            <Input type="time" />
          </Form.Item>
          <Form.Item label={t('institutions.director.closesAt')} name={['openingHours', 'closesAt']}>
            <Input type="time" />
          </Form.Item>
        </Space>
        <Form.Item label={t('institutions.director.weekdays')} name={['openingHours', 'weekdays']}>
          <Checkbox.Group options={Weekday.map((d) => ({ value: d, label: t(`institutions.weekday.${d}`) }))} />
        </Form.Item>
        <Form.Item label={t('institutions.phone')} name="contactPhone">
          <Input inputMode="tel" style={{ maxWidth: 240 }} />
        </Form.Item>
        <FormError messages={formError} />
        <Button htmlType="submit" loading={patch.isPending}>
          {t('institutions.director.saveService')}
        </Button>
      </Form>
    </Card>
  );
}
