import { Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import { useInstitutionPlaces } from '../enrollment/queries';
import { AbsenceRuleCard } from './AbsenceRuleCard';
import { AgeMovesCard } from './AgeMovesCard';
import { ClassPlacesList } from './ClassPlacesList';

/**
 * 在托幼儿: the children holding a place at the institution, by class, each opening the growth
 * record; the month's age moves; for the director, moving and ending places and the absence rule
 * fee statements apply. The tab is in the address so a reload or a shared link keeps it.
 */
export function InstitutionChildrenPage({ grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const institutionId = grant.institutionId ?? '';
  const director = grant.role === 'institution_admin';
  const places = useInstitutionPlaces(grant.institutionId);
  const [params, setParams] = useSearchParams();

  const tabs = places.data
    ? [
        {
          key: 'classes',
          label: t('enrollment.places.tabClasses'),
          children: <ClassPlacesList places={places.data.items} base={base} institutionId={institutionId} director={director} />,
        },
        {
          key: 'age-moves',
          label: t('enrollment.places.tabAgeMoves'),
          children: <AgeMovesCard institutionId={institutionId} places={places.data.items} director={director} />,
        },
        ...(director
          ? [{ key: 'absence-rule', label: t('enrollment.places.tabRule'), children: <AbsenceRuleCard institutionId={institutionId} /> }]
          : []),
      ]
    : [];

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('growthRecords.children.institutionTitle')}
      </Typography.Title>
      <Typography.Paragraph>
        {t('growthRecords.children.institutionLead', { institution: grant.institutionName ?? '' })}
      </Typography.Paragraph>
      {places.isPending ? (
        <PageLoading />
      ) : places.isError ? (
        <LoadError error={places.error} onRetry={() => void places.refetch()} />
      ) : (
        <Tabs
          activeKey={tabs.some((tab) => tab.key === params.get('tab')) ? (params.get('tab') as string) : 'classes'}
          onChange={(tab) => setParams(tab === 'classes' ? {} : { tab }, { replace: true })}
          items={tabs}
        />
      )}
    </>
  );
}
