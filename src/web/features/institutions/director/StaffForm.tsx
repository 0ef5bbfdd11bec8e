import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, List, Popconfirm, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { residentIdRequired } from '../../../../domain/institutions/staffIdentity.ts';
import { StaffRole } from '../../../../domain/institutions/vocabulary.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { deleteInstitutionStaff, type InstitutionRecord, postInstitutionStaff, type StaffMember } from '../api';
import { FormError } from './FormError';
import { QUALIFICATION_FIELDS, QualificationFields, type QualificationValues, qualificationOf } from './qualification';
import { residentIdRule } from './residentIdRule';
import { StaffEditor } from './StaffEditor';
import { useSaved } from './useDirectorSave';

type Values = { name: string; role: StaffRole; residentId?: string; expiresOn?: string } & QualificationValues;

// The form's one date is the health certificate's expiry, whichever certificate the server names.
const STAFF_FIELDS = { name: 'name', role: 'role', residentId: 'residentId', certificates: 'expiresOn', ...QUALIFICATION_FIELDS };

/** The roster, each member changed or leaving after a confirmation, and a form to add a member of staff. */
export function StaffForm({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const [editing, setEditing] = useState<StaffMember | null>(null);
  const role = Form.useWatch('role', form) ?? 'caregiver';
  const saved = useSaved(record.id);
  const className = new Map(record.classes.map((c) => [c.id, c.name]));
  const addStaff = useMutation({
    mutationFn: (v: Values) =>
      postInstitutionStaff(record.id, {
        name: v.name,
        role: v.role,
        ...(v.residentId?.trim() ? { residentId: v.residentId.trim() } : {}),
        // A caregiver counts only with a valid qualification and health certificate, so both are entered together;
        // the qualification's occupation and level (保育师 / 育婴员, 五级 … 一级) when given.
        certificates:
          v.role === 'caregiver' && (v.expiresOn || v.qualificationTitle)
            ? [...(v.expiresOn ? [{ kind: 'health' as const, expiresOn: v.expiresOn }] : []), qualificationOf(v)]
            : [],
      }),
    onMutate: () => setFormError([]),
    // Cleared for the next one, so a second click does not add the same again.
    onSuccess: () => {
      form.resetFields();
      return saved();
    },
    onError: (e) => setFormError(showFieldErrors(form, e, STAFF_FIELDS)),
  });
  const remove = useMutation({
    mutationFn: (staffId: string) => deleteInstitutionStaff(record.id, staffId),
    onMutate: () => setFormError([]),
    onSuccess: saved,
    onError: (e) => setFormError([e.message]),
  });
  return (
    <Card title={t('institutions.staff')} id="director-staff">
      <List
        size="small"
        dataSource={record.staff}
        renderItem={(s) => (
          <List.Item
            key={s.id}
            data-testid="staff-row"
            actions={[
              <Button
                key="edit"
                size="small"
                onClick={() => setEditing(s)}
                aria-label={t('institutions.director.editStaff', { name: s.name })}
              >
                {t('institutions.director.edit')}
              </Button>,
              <Popconfirm
                key="remove"
                title={t('institutions.director.removeStaffConfirm', { name: s.name })}
                description={t('institutions.director.removeStaffEffect')}
                okText={t('institutions.director.removeStaffOk')}
                cancelText={t('institutions.director.cancel')}
                onConfirm={() => remove.mutate(s.id)}
              >
                <Button
                  size="small"
                  danger
                  disabled={remove.isPending}
                  aria-label={t('institutions.director.removeStaff', { name: s.name })}
                >
                  {t('institutions.director.remove')}
                </Button>
              </Popconfirm>,
            ]}
          >
            <Typography.Text>
              {[s.name, t(`institutions.role.${s.role}`), s.classId ? className.get(s.classId) : undefined, s.residentIdMasked]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </List.Item>
        )}
      />
      <FormError messages={formError} />
      <Form form={form} name="newStaff" layout="inline" onFinish={(v) => addStaff.mutate(v)} aria-label={t('institutions.addStaff')}>
        <Form.Item label={t('institutions.staffName')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t('institutions.staffRole')} name="role" initialValue="caregiver">
          <Select style={{ width: 120 }} options={StaffRole.map((v) => ({ value: v, label: t(`institutions.role.${v}`) }))} />
        </Form.Item>
        <Form.Item
          label={t('institutions.staffResidentId')}
          name="residentId"
          dependencies={['role']}
          required={residentIdRequired(role)}
          validateTrigger="onBlur"
          rules={[residentIdRule(t, true)]}
          // An inline item grows with its message; held to the card, a refusal wraps instead of widening a phone's page.
          style={{ maxWidth: '100%' }}
        >
          <Input autoComplete="off" inputMode="text" maxLength={18} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={t('institutions.healthCertExpires')} name="expiresOn">
          <Input type="date" />
        </Form.Item>
        <QualificationFields />
        <Button htmlType="submit" loading={addStaff.isPending}>
          {t('institutions.addStaff')}
        </Button>
      </Form>
      {editing && <StaffEditor record={record} member={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
