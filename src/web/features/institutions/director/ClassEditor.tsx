import { Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ClassType } from '../../../../domain/classes/classTypes.ts';
import { type InstitutionRecord, patchInstitutionClass, type RecordClass } from '../api';
import { EditorDialog } from './EditorDialog';

type Values = { name: string; classType: ClassType; capacity: number; caregiverIds: string[] };

const FIELDS = { name: 'name', classType: 'classType', capacity: 'capacity', caregiverIds: 'caregiverIds' };

/** One class changed in a dialog: its name, type, places and caregivers (none, to unassign them all). */
export function ClassEditor({ record, cls, onClose }: { record: InstitutionRecord; cls: RecordClass; onClose: () => void }) {
  const { t } = useTranslation();
  const className = new Map(record.classes.map((c) => [c.id, c.name]));
  // A caregiver works in one class: one picked here leaves the class named beside them.
  const caregivers = record.staff
    .filter((s) => s.role === 'caregiver')
    .map((s) => ({
      value: s.id,
      label: s.classId && s.classId !== cls.id ? `${s.name}（${className.get(s.classId) ?? ''}）` : s.name,
    }));
  return (
    <EditorDialog<Values>
      institutionId={record.id}
      title={t('institutions.director.editClass', { name: cls.name })}
      name="editClass"
      initialValues={{ name: cls.name, classType: cls.classType, capacity: cls.capacity, caregiverIds: cls.caregiverIds }}
      fields={FIELDS}
      submit={(v) => patchInstitutionClass(record.id, cls.id, v)}
      onClose={onClose}
    >
      <Form.Item label={t('institutions.className')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('institutions.classTypeLabel')} name="classType">
        <Select options={ClassType.map((c) => ({ value: c, label: t(`institutions.classType.${c}`) }))} />
      </Form.Item>
      <Form.Item label={t('institutions.capacity')} name="capacity" rules={[{ required: true, message: t('institutions.required') }]}>
        <InputNumber min={1} max={100} />
      </Form.Item>
      <Form.Item label={t('institutions.director.caregivers')} name="caregiverIds" extra={t('institutions.director.caregiversHint')}>
        <Select mode="multiple" allowClear options={caregivers} optionFilterProp="label" />
      </Form.Item>
    </EditorDialog>
  );
}
