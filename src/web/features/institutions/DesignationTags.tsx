import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicSearchItem } from './api';

/** 普惠, 试点 · 市级 …: the designations in force, as the finder and the profile show them. */
export function DesignationTags({ designations }: { designations: PublicSearchItem['designations'] }) {
  const { t } = useTranslation();
  return (
    <Space wrap size={4}>
      {designations.map((d) => (
        <Tag color="green" key={`${d.kind}-${d.level}`}>
          {t(`institutions.designation.${d.kind}`)}
          {d.level ? ` · ${t(`institutions.level.${d.level}`)}` : ''}
        </Tag>
      ))}
    </Space>
  );
}
