import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { QUALIFICATION_LEVELS, QualificationTitle } from '../../../../domain/institutions/vocabulary.ts';
import type { StaffMember, StaffPatch } from '../api';

export type QualificationValues = { qualificationTitle?: QualificationTitle; qualificationLevel?: number; qualificationExpires?: string };
type Certificate = NonNullable<StaffPatch['certificates']>[number];

/** Server paths of a childcare qualification's fields, wherever it sits in the list sent, to the form's fields. */
export const QUALIFICATION_FIELDS: Record<string, string> = Object.fromEntries(
  [0, 1, 2, 3].flatMap((i) => [
    [`certificates.${i}.title`, 'qualificationTitle'],
    [`certificates.${i}.level`, 'qualificationLevel'],
  ]),
);

/** The childcare qualification as sent: occupation and level (both or neither) and its expiry. */
export function qualificationOf(v: QualificationValues, kept?: StaffMember['certificates'][number]): Certificate {
  return {
    kind: 'caregiver_qualification',
    ...(kept?.number ? { number: kept.number } : {}),
    ...(kept?.issuedOn ? { issuedOn: kept.issuedOn } : {}),
    ...(v.qualificationExpires ? { expiresOn: v.qualificationExpires } : {}),
    ...(v.qualificationTitle !== undefined ? { title: v.qualificationTitle } : {}),
    ...(v.qualificationLevel !== undefined ? { level: v.qualificationLevel } : {}),
  };
}

/** A certificate sent back as it was (the server replaces them all). */
export function asSent(c: StaffMember['certificates'][number]): Certificate {
  return {
    kind: c.kind,
    ...(c.number ? { number: c.number } : {}),
    ...(c.issuedOn ? { issuedOn: c.issuedOn } : {}),
    ...(c.expiresOn ? { expiresOn: c.expiresOn } : {}),
    ...(c.title ? { title: c.title } : {}),
    ...(c.level ? { level: c.level } : {}),
  };
}

/** The qualification's fields: 保育师 / 育婴员, 五级 … 一级, valid until. */
export function QualificationFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item label={t('institutions.qualification.title')} name="qualificationTitle">
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('institutions.qualification.titlePlaceholder')}
          options={QualificationTitle.map((v) => ({ value: v, label: t(`institutions.qualification.titles.${v}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('institutions.qualification.level')} name="qualificationLevel">
        <Select
          allowClear
          style={{ minWidth: 100 }}
          options={QUALIFICATION_LEVELS.map((v) => ({ value: v, label: t(`institutions.qualification.levels.${v}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('institutions.qualification.expires')} name="qualificationExpires">
        <Input type="date" />
      </Form.Item>
    </>
  );
}
