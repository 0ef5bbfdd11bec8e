import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaffRole } from '../../../../domain/institutions/vocabulary.ts';
import { type InstitutionRecord, patchInstitutionStaff, type StaffMember, type StaffPatch } from '../api';
import { EditorDialog } from './EditorDialog';
import { residentIdRule } from './residentIdRule';

type Values = { name: string; role: StaffRole; residentId?: string; expiresOn?: string };

const FIELDS = { name: 'name', role: 'role', residentId: 'residentId', certificates: 'expiresOn' };

/**
 * The certificates after a new health-certificate date: the server replaces them all, so every
 * other certificate is sent back as it was.
 */
function certificatesWith(member: StaffMember, expiresOn: string): NonNullable<StaffPatch['certificates']> {
  const others = member.certificates
    .filter((c) => c.kind !== 'health')
    .map((c) => ({
      kind: c.kind,
      ...(c.number ? { number: c.number } : {}),
      ...(c.issuedOn ? { issuedOn: c.issuedOn } : {}),
      ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
    }));
  return [...others, { kind: 'health', expiresOn }];
}

/** One member of staff changed in a dialog: name, role, 身份证号 and the health certificate's expiry. */
export function StaffEditor({ record, member, onClose }: { record: InstitutionRecord; member: StaffMember; onClose: () => void }) {
  const { t } = useTranslation();
  const health = member.certificates.find((c) => c.kind === 'health')?.expiresOn ?? undefined;
  return (
    <EditorDialog<Values>
      institutionId={record.id}
      title={t('institutions.director.editStaff', { name: member.name })}
      name="editStaff"
      initialValues={{ name: member.name, role: member.role, expiresOn: health }}
      fields={FIELDS}
      submit={(v) =>
        patchInstitutionStaff(record.id, member.id, {
          name: v.name,
          role: v.role,
          // Blank leaves the number as it is: the full number is never sent back to the page.
          ...(v.residentId?.trim() ? { residentId: v.residentId.trim() } : {}),
          ...(v.expiresOn && v.expiresOn !== health ? { certificates: certificatesWith(member, v.expiresOn) } : {}),
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
    </EditorDialog>
  );
}
