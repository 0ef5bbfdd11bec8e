import { Flex, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import { useScopeDivisions } from '../institutions/registry/divisions';
import type { InspectionFilter } from './api';
import { InspectionList } from './InspectionList';
import { useInspections } from './queries';
import { RoundList } from './RoundsCard';

/**
 * The city health commission watches every district's inspections (read-only: the districts
 * draw, record and decide): rounds, and inspections by district, result and open or overdue
 * rectifications.
 */
export default function CityInspections({ code, base }: { code: string; base: string }) {
  const { t } = useTranslation();
  const divisions = useScopeDivisions(code);
  const [district, setDistrict] = useState<string | undefined>();
  const [filter, setFilter] = useState<InspectionFilter>({});
  const scope = district ?? code;
  const list = useInspections(scope, filter);
  const districtName = (c: string) => divisions.names.get(c) ?? c;
  const inspections = list.isPending ? (
    <PageLoading />
  ) : list.isError ? (
    <LoadError error={list.error} onRetry={() => void list.refetch()} />
  ) : (
    <InspectionList items={list.data} base={base} districtName={districtName} />
  );
  const select = { style: { minWidth: 160, flex: '1 1 160px' }, allowClear: true } as const;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('supervision.city.title')}</Typography.Title>
      <Typography.Text type="secondary">{t('supervision.city.lead')}</Typography.Text>
      <Flex gap={8} wrap>
        <Select
          {...select}
          aria-label={t('supervision.city.district')}
          data-testid="filter-district"
          placeholder={t('supervision.city.allDistricts')}
          value={district}
          onChange={setDistrict}
          options={divisions.options.map((d) => ({ value: d.value, label: d.title }))}
        />
        <Select
          {...select}
          aria-label={t('supervision.city.result')}
          data-testid="filter-result"
          placeholder={t('supervision.city.allResults')}
          value={filter.result}
          onChange={(result) => setFilter((f) => ({ ...f, result }))}
          options={(['pending', 'pass', 'rectify', 'fail'] as const).map((r) => ({ value: r, label: t(`supervision.overall.${r}`) }))}
        />
        <Select
          {...select}
          aria-label={t('supervision.city.rectifications')}
          data-testid="filter-rectifications"
          placeholder={t('supervision.city.allRectifications')}
          value={filter.rectifications}
          onChange={(rectifications) => setFilter((f) => ({ ...f, rectifications }))}
          options={(['open', 'overdue'] as const).map((r) => ({ value: r, label: t(`supervision.city.${r}`) }))}
        />
      </Flex>
      <Tabs
        items={[
          { key: 'inspections', label: t('supervision.tabs.inspections'), children: inspections },
          { key: 'rounds', label: t('supervision.tabs.rounds'), children: <RoundList code={scope} districtName={districtName} /> },
        ]}
      />
    </Space>
  );
}
