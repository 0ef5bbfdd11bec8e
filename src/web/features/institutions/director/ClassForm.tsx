import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, List, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { type InstitutionRecord, postInstitutionClass } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

type Values = { classType: ClassType; name: string; capacity: number; caregiverId?: string };

const CLASS_FIELDS = { classType: 'classType', name: 'name', capacity: 'capacity', caregiverIds: 'caregiverId' };

/** The class plan, and a form to add a class with its caregiver. */
export function ClassForm({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const saved = useSaved(record.id);
  const caregivers = record.staff.filter((s) => s.role === 'caregiver');
  const addClass = useMutation({
    mutationFn: (v: Values) =>
      postInstitutionClass(record.id, {
        classType: v.classType,
        name: v.name,
        capacity: v.capacity,
        caregiverIds: v.caregiverId ? [v.caregiverId] : [],
      }),
    onMutate: () => setFormError([]),
    onSuccess: saved,
    onError: (e) => setFormError(showFieldErrors(form, e, CLASS_FIELDS)),
  });
  return (
    <Card title={t('institutions.classes')}>
      <List
        size="small"
        dataSource={record.classes}
        renderItem={(c) => (
          <List.Item key={c.id}>
            {t('institutions.classLine', {
              name: c.name,
              type: t(`institutions.classType.${c.classType}`),
              capacity: c.capacity,
              vacancies: c.vacancies,
            })}
          </List.Item>
        )}
      />
      <FormError messages={formError} />
      <Form form={form} name="newClass" layout="inline" onFinish={(v) => addClass.mutate(v)} aria-label={t('institutions.addClass')}>
        <Form.Item label={t('institutions.className')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('institutions.classTypeLabel')} name="classType" initialValue="toddler">
          <Select style={{ width: 120 }} options={ClassType.map((c) => ({ value: c, label: t(`institutions.classType.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('institutions.capacity')} name="capacity" initialValue={10}>
          <InputNumber min={1} max={100} />
        </Form.Item>
        <Form.Item label={t('institutions.caregiver')} name="caregiverId">
          <Select allowClear style={{ width: 140 }} options={caregivers.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Button htmlType="submit" loading={addClass.isPending}>
          {t('institutions.addClass')}
        </Button>
      </Form>
    </Card>
  );
}
