import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StaffRole } from '../../../../domain/institutions/vocabulary.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { type InstitutionRecord, postInstitutionStaff } from '../api';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

type Values = { name: string; role: StaffRole; expiresOn?: string };

// The form's one date is the health certificate's expiry, whichever certificate the server names.
const STAFF_FIELDS = { name: 'name', role: 'role', certificates: 'expiresOn' };

/** The roster, and a form to add a member of staff. */
export function StaffForm({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const saved = useSaved(record.id);
  const addStaff = useMutation({
    mutationFn: (v: Values) =>
      postInstitutionStaff(record.id, {
        name: v.name,
        role: v.role,
        // A caregiver counts only with a valid qualification and health certificate, so both are entered together.
        certificates:
          v.role === 'caregiver' && v.expiresOn ? [{ kind: 'health', expiresOn: v.expiresOn }, { kind: 'caregiver_qualification' }] : [],
      }),
    onMutate: () => setFormError([]),
    onSuccess: saved,
    onError: (e) => setFormError(showFieldErrors(form, e, STAFF_FIELDS)),
  });
  return (
    <Card title={t('institutions.staff')}>
      <List
        size="small"
        dataSource={record.staff}
        renderItem={(s) => <List.Item key={s.id}>{`${s.name} · ${t(`institutions.role.${s.role}`)}`}</List.Item>}
      />
      <FormError messages={formError} />
      <Form form={form} name="newStaff" layout="inline" onFinish={(v) => addStaff.mutate(v)} aria-label={t('institutions.addStaff')}>
        <Form.Item label={t('institutions.staffName')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('institutions.staffRole')} name="role" initialValue="caregiver">
          <Select style={{ width: 120 }} options={StaffRole.map((v) => ({ value: v, label: t(`institutions.role.${v}`) }))} />
        </Form.Item>
        <Form.Item label={t('institutions.healthCertExpires')} name="expiresOn">
          <Input type="date" />
        </Form.Item>
        <Button htmlType="submit" loading={addStaff.isPending}>
          {t('institutions.addStaff')}
        </Button>
      </Form>
    </Card>
  );
}
