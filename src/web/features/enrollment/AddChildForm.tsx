import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Radio, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../components/showFieldErrors';
import { type GuardianRelation, type NewChildInput, postChild } from '../children/api';
import { keys } from '../children/queries';
import { useTownshipOptions } from '../geography/townships';
import type { Sex } from '../health/api';

type Values = {
  name: string;
  sex: Sex;
  birthDate: string;
  residentId?: string;
  residenceDivisionCode: string;
  relation: GuardianRelation;
  consent: boolean;
};

/** Every field the server checks is a field of the form: 身份证号码不正确 shows under the number. */
const CHILD_FIELDS = {
  name: 'name',
  sex: 'sex',
  birthDate: 'birthDate',
  residentId: 'residentId',
  residenceDivisionCode: 'residenceDivisionCode',
  relation: 'relation',
  consent: 'consent',
};

export function AddChildForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const townships = useTownshipOptions();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const add = useMutation({
    mutationFn: (input: NewChildInput) => postChild(input),
    onMutate: () => setFormError([]),
    onError: (error) => setFormError(showFieldErrors(form, error, CHILD_FIELDS)),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: keys.mine });
      onDone();
    },
  });

  const submit = (values: Values) =>
    add.mutate({
      name: values.name,
      sex: values.sex,
      birthDate: values.birthDate,
      residentId: values.residentId?.trim() ? values.residentId.trim() : undefined,
      residenceDivisionCode: values.residenceDivisionCode,
      relation: values.relation,
      consent: true,
    });

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ sex: 'female', relation: 'mother' }}
      data-testid="add-child-form"
    >
      <Form.Item name="name" label={t('enrollment.child.name')} rules={[{ required: true, message: t('enrollment.required') }]}>
        <Input maxLength={50} />
      </Form.Item>
      <Form.Item name="sex" label={t('enrollment.child.sex')}>
        <Radio.Group>
          <Radio value="female">{t('enrollment.child.female')}</Radio>
          <Radio value="male">{t('enrollment.child.male')}</Radio>
        </Radio.Group>
      </Form.Item>
      <Form.Item name="birthDate" label={t('enrollment.child.birthDate')} rules={[{ required: true, message: t('enrollment.required') }]}>
        <Input type="date" />
      </Form.Item>
      <Form.Item name="residentId" label={t('enrollment.child.residentId')} extra={t('enrollment.child.residentIdHelp')}>
        <Input maxLength={18} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="residenceDivisionCode"
        label={t('enrollment.child.residence')}
        rules={[{ required: true, message: t('enrollment.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={townships.options}
          loading={townships.loading}
          placeholder={t('enrollment.child.residencePlaceholder')}
          data-testid="residence-select"
        />
      </Form.Item>
      <Form.Item name="relation" label={t('enrollment.child.relation')}>
        <Select
          options={(['mother', 'father', 'grandparent', 'other'] as const).map((r) => ({ value: r, label: t(`enrollment.relation.${r}`) }))}
        />
      </Form.Item>
      <Form.Item
        name="consent"
        valuePropName="checked"
        rules={[{ validator: (_, v) => (v ? Promise.resolve() : Promise.reject(new Error(t('enrollment.child.consentRequired')))) }]}
      >
        <Checkbox>{t('enrollment.child.consent')}</Checkbox>
      </Form.Item>
      {formError.length > 0 && <Alert type="error" showIcon title={formError.join('；')} style={{ marginBottom: 12 }} />}
      <Button type="primary" htmlType="submit" loading={add.isPending} block>
        {t('enrollment.child.save')}
      </Button>
    </Form>
  );
}
