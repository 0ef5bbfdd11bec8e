import { Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ClassType } from '../../../domain/classes/classTypes.ts';
import { LoadError, PageLoading } from '../../components/PageStatus';
import i18n from '../../i18n';
import { fullAddress } from './address';
import { usePublicProfile } from './queries';

// Weekdays are ISO numbers (Monday = 1); a parent reads them as a range of days and a time span.
function hours(value: unknown): string {
  const h = value as { opensAt?: string; closesAt?: string; weekdays?: number[] } | null;
  if (!h?.opensAt || !h.closesAt) return '—';
  const days = h.weekdays?.length
    ? `${i18n.t(`institutions.weekday.${h.weekdays[0]}`)}–${i18n.t(`institutions.weekday.${h.weekdays[h.weekdays.length - 1]}`)} `
    : '';
  return `${days}${h.opensAt}–${h.closesAt}`;
}

/** What a parent needs before visiting: fees, vacancies, hours, designations, photos, filing number. */
export default function InstitutionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = usePublicProfile(id);
  if (profile.isPending) return <PageLoading />;
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{p.name}</Typography.Title>
      <Space wrap>
        {p.designations.map((d) => (
          <Tag color="green" key={`${d.kind}-${d.level}`}>
            {t(`institutions.designation.${d.kind}`)}
            {d.level ? ` · ${t(`institutions.level.${d.level}`)}` : ''}
          </Tag>
        ))}
      </Space>
      {/* Short labels stay on one line, leaving the rest of a phone's width to the values. */}
      <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('institutions.address')}>{fullAddress([p.districtName, p.townshipName], p.address)}</Descriptions.Item>
        <Descriptions.Item label={t('institutions.filingNumber')}>{p.filingNumber}</Descriptions.Item>
        <Descriptions.Item label={t('institutions.hours')}>{hours(p.openingHours)}</Descriptions.Item>
        <Descriptions.Item label={t('institutions.phone')}>{p.contactPhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('institutions.lastInspection')}>
          {p.lastInspection ? `${p.lastInspection.date} ${p.lastInspection.result}` : t('institutions.noInspection')}
        </Descriptions.Item>
        {ClassType.filter((c) => p.monthlyFeeYuan[c] !== undefined || p.vacancies[c] !== undefined).map((c) => (
          <Descriptions.Item key={c} label={t(`institutions.classType.${c}`)}>
            {t('institutions.feeAndVacancies', { fee: p.monthlyFeeYuan[c] ?? '—', vacancies: p.vacancies[c] ?? 0 })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
      <Typography.Title level={4}>{t('institutions.photos')}</Typography.Title>
      {p.photos.length === 0 ? (
        <Typography.Text type="secondary">{t('institutions.noPhotos')}</Typography.Text>
      ) : (
        <Space wrap>
          {p.photos.map((photo) => (
            <img key={photo.id} src={photo.url} alt={p.name} style={{ width: 160, height: 120, objectFit: 'cover' }} />
          ))}
        </Space>
      )}
    </Space>
  );
}
