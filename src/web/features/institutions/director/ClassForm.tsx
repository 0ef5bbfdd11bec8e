import { useMutation } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { showFieldErrors } from '../../../components/showFieldErrors';
import { deleteInstitutionClass, type InstitutionRecord, postInstitutionClass, type RecordClass } from '../api';
import { ClassEditor } from './ClassEditor';
import { FormError } from './FormError';
import { useSaved } from './useDirectorSave';

type Values = { classType: ClassType; name: string; capacity: number; caregiverId?: string };

const CLASS_FIELDS = { classType: 'classType', name: 'name', capacity: 'capacity', caregiverIds: 'caregiverId' };

/** The class plan with each class's caregivers, changed or removed one by one, and a form to add a class. */
export function ClassForm({ record }: { record: InstitutionRecord }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [formError, setFormError] = useState<string[]>([]);
  const [editing, setEditing] = useState<RecordClass | null>(null);
  const saved = useSaved(record.id);
  const caregivers = record.staff.filter((s) => s.role === 'caregiver');
  const staffName = new Map(record.staff.map((s) => [s.id, s.name]));
  const addClass = useMutation({
    mutationFn: (v: Values) =>
      postInstitutionClass(record.id, {
        classType: v.classType,
        name: v.name,
        capacity: v.capacity,
        caregiverIds: v.caregiverId ? [v.caregiverId] : [],
      }),
    onMutate: () => setFormError([]),
    // Cleared for the next one, so a second click does not add the same again.
    onSuccess: () => {
      form.resetFields();
      return saved();
    },
    onError: (e) => setFormError(showFieldErrors(form, e, CLASS_FIELDS)),
  });
  const remove = useMutation({
    mutationFn: (classId: string) => deleteInstitutionClass(record.id, classId),
    onMutate: () => setFormError([]),
    onSuccess: saved,
    // The server's refusal (children still enrolled) says what to do first.
    onError: (e) => setFormError([e.message]),
  });
  return (
    <Card title={t('institutions.classes')} id="director-classes">
      <List
        size="small"
        dataSource={record.classes}
        renderItem={(c) => (
          <List.Item
            key={c.id}
            data-testid="class-row"
            actions={
              c.archived
                ? []
                : [
                    <Button
                      key="edit"
                      size="small"
                      onClick={() => setEditing(c)}
                      aria-label={t('institutions.director.editClass', { name: c.name })}
                    >
                      {t('institutions.director.edit')}
                    </Button>,
                    <Popconfirm
                      key="remove"
                      title={t('institutions.director.removeClassConfirm', { name: c.name })}
                      description={c.filed ? t('institutions.director.removeFiledClass') : undefined}
                      okText={t('institutions.director.withdraw')}
                      cancelText={t('institutions.director.cancel')}
                      onConfirm={() => remove.mutate(c.id)}
                    >
                      <Button
                        size="small"
                        danger
                        disabled={remove.isPending}
                        aria-label={t('institutions.director.removeClass', { name: c.name })}
                      >
                        {t('institutions.director.withdraw')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            <Space direction="vertical" size={0}>
              <Typography.Text>
                {t('institutions.classLine', {
                  name: c.name,
                  type: t(`institutions.classType.${c.classType}`),
                  capacity: c.capacity,
                  vacancies: c.vacancies,
                })}
              </Typography.Text>
              {c.archived ? (
                <Tag>{t('registry.archived')}</Tag>
              ) : (
                <Typography.Text type="secondary" data-testid="class-caregivers">
                  {c.caregiverIds.length > 0
                    ? t('institutions.director.caregiversAre', { names: c.caregiverIds.map((id) => staffName.get(id) ?? '').join('、') })
                    : t('institutions.director.noCaregiver')}
                </Typography.Text>
              )}
            </Space>
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
      {editing && <ClassEditor record={record} cls={editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
