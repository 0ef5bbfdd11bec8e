import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaffRole } from '../../../../domain/institutions/vocabulary.ts';
import { type InstitutionRecord, patchInstitutionStaff, type StaffMember, type StaffPatch } from '../api';
import { EditorDialog } from './EditorDialog';
import { asSent, QUALIFICATION_FIELDS, QualificationFields, type QualificationValues, qualificationOf } from './qualification';
import { residentIdRule } from './residentIdRule';

type Values = { name: string; role: StaffRole; residentId?: string; expiresOn?: string } & QualificationValues;

const FIELDS = { name: 'name', role: 'role', residentId: 'residentId', certificates: 'expiresOn', ...QUALIFICATION_FIELDS };

/**
 * The certificates after a change of the health certificate's date or of the childcare
 * qualification: the server replaces them all, so every other certificate is sent back as it was.
 */
function certificatesWith(member: StaffMember, v: Values): NonNullable<StaffPatch['certificates']> {
  const kept = member.certificates.find((c) => c.kind === 'caregiver_qualification');
  const others = member.certificates.filter((c) => c.kind !== 'health' && c.kind !== 'caregiver_qualification').map(asSent);
  const hasQualification = kept !== undefined || v.qualificationTitle !== undefined || v.qualificationExpires !== undefined;
  return [
    ...others,
    ...(v.expiresOn ? [{ kind: 'health' as const, expiresOn: v.expiresOn }] : []),
    ...(hasQualification ? [qualificationOf(v, kept)] : []),
  ];
}

/** One member of staff changed in a dialog: name, role, 身份证号, the health certificate's expiry and the childcare qualification. */
export function StaffEditor({ record, member, onClose }: { record: InstitutionRecord; member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const health = member.certificates.find((c) => c.kind === 'health')?.expiresOn ?? undefined;
  const qualification = member.certificates.find((c) => c.kind === 'caregiver_qualification');
  const initial: Values = {
    name: member.name,
    role: member.role,
    expiresOn: health,
    qualificationTitle: qualification?.title ?? undefined,
    qualificationLevel: qualification?.level ?? undefined,
    qualificationExpires: qualification?.expiresOn ?? undefined,
  };
  const changed = (v: Values) =>
    (v.expiresOn && v.expiresOn !== health) ||
    v.qualificationTitle !== initial.qualificationTitle ||
    v.qualificationLevel !== initial.qualificationLevel ||
    v.qualificationExpires !== initial.qualificationExpires;
  return (
    <EditorDialog<Values>
      institutionId={record.id}
      title={t('institutions.director.editStaff', { name: member.name })}
      name="editStaff"
      initialValues={initial}
      fields={FIELDS}
      submit={(v) =>
        patchInstitutionStaff(record.id, member.id, {
          name: v.name,
          role: v.role,
          // Blank leaves the number as it is: the full number is never sent back to the page.
          ...(v.residentId?.trim() ? { residentId: v.residentId.trim() } : {}),
          ...(changed(v) ? { certificates: certificatesWith(member, v) } : {}),
        })
      }
      onClose={onClose}
    >
      <Form.Item label={t('institutions.staffName')} name="name" rules={[{ required: true, message: t('institutions.required') }]}>
        <Input />
      </Form.Item>
      <Form.Item label={t('institutions.staffRole')} name="role">
        <Select options={StaffRole.map((v) => ({ value: v, label: t(`institutions.role.${v}`) }))} />
      </Form.Item>
      <Form.Item
        label={t('institutions.staffResidentId')}
        name="residentId"
        dependencies={['role']}
        extra={member.residentIdMasked ? t('institutions.staffResidentIdKept', { masked: member.residentIdMasked }) : undefined}
        rules={[residentIdRule(t, false)]}
      >
        <Input autoComplete="off" maxLength={18} placeholder={member.residentIdMasked ?? undefined} />
      </Form.Item>
      <Form.Item label={t('institutions.healthCertExpires')} name="expiresOn">
        <Input type="date" />
      </Form.Item>
      <QualificationFields />
    </EditorDialog>
  );
}
