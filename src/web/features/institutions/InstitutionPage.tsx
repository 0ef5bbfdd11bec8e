import { Button, Descriptions, Flex, Space, Typography } from 'antd';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ClassStandard, ClassType } from '../../../domain/classes/classTypes.ts';
import { ApiError } from '../../api/client';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { Panel } from '../../components/Panel';
import i18n from '../../i18n';
import { InspectionStatusText } from '../supervision/InspectionStatus';
import { PublicInspectionHistory } from '../supervision/PublicInspectionHistory';
import { ApplyButton } from './ApplyButton';
import { fullAddress } from './address';
import { ageRange } from './ages';
import type { PublicProfile } from './api';
import { DesignationTags } from './DesignationTags';
import { usePublicProfile } from './queries';

const ResultsMap = lazy(() => import('./ResultsMap'));
// Rare, and antd's Result with its icons would weigh on every profile a phone opens.
const MissingInstitution = lazy(() => import('./MissingInstitution'));

// Weekdays are ISO numbers (Monday = 1); a parent reads them as a range of days and a time span.
function hours(value: unknown): string {
  const h = value as { opensAt?: string; closesAt?: string; weekdays?: number[] } | null;
  if (!h?.opensAt || !h.closesAt) return '—';
  const days = h.weekdays?.length
    ? `${i18n.t(`institutions.weekday.${h.weekdays[0]}`)}–${i18n.t(`institutions.weekday.${h.weekdays[h.weekdays.length - 1]}`)} `
    : '';
  return `${days}${h.opensAt}–${h.closesAt}`;
}

/** The map loads once its place scrolls into view: a parent reading the fees on a phone never pays for it. */
function LazyMap({ p }: { p: PublicProfile }) {
  const place = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = place.current;
    if (!el || near) return;
    const watch = new IntersectionObserver((seen) => {
      if (seen.some((e) => e.isIntersecting)) setNear(true);
    });
    watch.observe(el);
    return () => watch.disconnect();
  }, [near]);
  return (
    <div ref={place} style={{ minHeight: 220 }}>
      {near && (
        <Suspense fallback={<PageLoading />}>
          <ResultsMap points={[{ id: p.id, name: p.name, location: p.location }]} height={220} />
        </Suspense>
      )}
    </div>
  );
}

/** What a parent needs before visiting: fees, vacancies, hours, designations, photos, filing number. */
export default function InstitutionPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = usePublicProfile(id);
  if (profile.isPending) return <PageLoading />;
  if (profile.isError && profile.error instanceof ApiError && [400, 404].includes(profile.error.status))
    return (
      <Suspense fallback={<PageLoading />}>
        <MissingInstitution />
      </Suspense>
    );
  if (profile.isError) return <LoadError error={profile.error} onRetry={() => void profile.refetch()} />;
  const p = profile.data;
  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {p.name}
        </Typography.Title>
        <ApplyButton institutionId={p.id} />
      </Flex>
      <DesignationTags designations={p.designations} />
      {/* Short labels stay on one line, leaving the rest of a phone's width to the values. */}
      <Descriptions column={1} bordered size="small" styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('institutions.address')}>{fullAddress([p.districtName, p.townshipName], p.address)}</Descriptions.Item>
        <Descriptions.Item label={t('institutions.filingNumber')}>{p.filingNumber}</Descriptions.Item>
        <Descriptions.Item label={t('institutions.hours')}>{hours(p.openingHours)}</Descriptions.Item>
        <Descriptions.Item label={t('registry.serviceForms')}>
          <span data-testid="profile-service-forms">
            {p.serviceForms.length > 0 ? p.serviceForms.map((f) => t(`registry.serviceForm.${f}`)).join('、') : '—'}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('institutions.phone')}>
          <span data-testid="profile-phone">{p.contactPhone ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('institutions.lastInspection')}>
          {p.lastInspection ? <InspectionStatusText status={p.lastInspection} /> : t('institutions.noInspection')}
        </Descriptions.Item>
        <Descriptions.Item label={t('institutions.upheldComplaints')}>
          <span data-testid="upheld-complaints">{t('institutions.upheldComplaintsCount', { count: p.upheldComplaints })}</span>
        </Descriptions.Item>
        {ClassType.filter((c) => p.monthlyFeeYuan[c] !== undefined || p.vacancies[c] !== undefined).map((c) => (
          <Descriptions.Item key={c} label={t(`institutions.classType.${c}`)}>
            {t('institutions.feeAndVacancies', { fee: p.monthlyFeeYuan[c] ?? '—', vacancies: p.vacancies[c] ?? 0 })}
          </Descriptions.Item>
        ))}
      </Descriptions>
      {p.description && <Typography.Paragraph>{p.description}</Typography.Paragraph>}
      <Typography.Title level={4}>{t('institutions.profile.classesTitle')}</Typography.Title>
      <Flex vertical gap={8} data-testid="profile-classes">
        {p.classes.map((c, i) => {
          const standard = ClassStandard[c.classType];
          return (
            <Panel key={`${c.name}-${i}`}>
              <Flex vertical>
                <Typography.Text strong>
                  {c.name} · {t(`institutions.classType.${c.classType}`)}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t('institutions.profile.classLine', {
                    ages: ageRange(t, { from: standard.minAgeMonths, to: standard.maxAgeMonths }),
                    capacity: c.capacity,
                    vacancies: c.vacancies,
                    caregivers: c.caregivers,
                    ratio: standard.childrenPerCaregiver,
                  })}
                </Typography.Text>
              </Flex>
            </Panel>
          );
        })}
      </Flex>
      <Link to={`/institutions/${encodeURIComponent(id)}/complain`}>
        <Button data-testid="complain">{t('complaints.complainHere')}</Button>
      </Link>
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
      <PublicInspectionHistory institutionId={id} />
      <Typography.Title level={4}>{t('institutions.profile.location')}</Typography.Title>
      <LazyMap p={p} />
    </Flex>
  );
}
