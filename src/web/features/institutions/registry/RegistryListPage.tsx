import { Flex, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { LoadError, PageLoading } from '../../../components/PageStatus';
import type { RolePageProps } from '../../../components/RoleShell';
import { ShortfallCard } from '../../guidance/trainings/ShortfallCard';
import type { RegistryItem } from '../api';
import { useRegistry } from '../queries';
import { ComplianceSummaryCard } from './ComplianceSummaryCard';
import { useScopeDivisions } from './divisions';
import { designationLabel, STATUS_COLOR } from './format';
import { RegistryFilters, useListFilters } from './RegistryFilters';

const PAGE_SIZE = 20;

/** The institutions in the official's division, filtered, with their compliance counted per division above. */
export function RegistryListPage({ grant, base }: RolePageProps) {
  const { t } = useTranslation();
  const scope = grant.divisionCode ?? '';
  const [filters, setFilters] = useListFilters();
  const { search } = useLocation();
  const divisions = useScopeDivisions(scope);
  const registry = useRegistry({
    status: filters.status,
    division: filters.division,
    q: filters.q,
    inclusive: filters.inclusive,
    hasProblems: filters.withProblems,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });

  if (registry.isError) return <LoadError error={registry.error} onRetry={() => void registry.refetch()} />;
  if (registry.isPending) return <PageLoading />;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ marginBottom: 0 }}>
        {t('registry.title', { division: grant.divisionName ?? '' })}
      </Typography.Title>
      <ComplianceSummaryCard scope={scope} division={filters.division} onPick={(division) => setFilters({ division })} />
      <ShortfallCard divisionCode={filters.division} />
      <RegistryFilters filters={filters} onChange={setFilters} divisions={divisions.options} />
      <Table<RegistryItem>
        rowKey="id"
        size="small"
        loading={registry.isPlaceholderData}
        dataSource={registry.data.items}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: registry.data.total,
          showSizeChanger: false,
          showTotal: (total) => t('registry.total', { count: total }),
          onChange: (page) => setFilters({ page }),
        }}
        columns={[
          {
            title: t('registry.name'),
            dataIndex: 'name',
            render: (name: string, row) => (
              <Flex gap={6} align="center" wrap>
                <Link to={`${base}/institutions/${row.id}`} state={{ listSearch: search }}>
                  {name}
                </Link>
                {row.changedKeyFacts.length > 0 && <Tag color="gold">{t('registry.changePending')}</Tag>}
              </Flex>
            ),
          },
          {
            title: t('registry.township'),
            dataIndex: 'divisionCode',
            // The city sees every district, so the township alone would be ambiguous to read.
            render: (code: string) => {
              const district = code.slice(0, 6);
              const township = divisions.names.get(code) ?? code;
              return district === scope ? township : `${divisions.names.get(district) ?? district} ${township}`;
            },
          },
          {
            title: t('registry.status'),
            dataIndex: 'status',
            render: (s: RegistryItem['status']) => <Tag color={STATUS_COLOR[s]}>{t(`institutions.status.${s}`)}</Tag>,
          },
          { title: t('institutions.filingNumber'), dataIndex: 'filingNumber', render: (n: string | null) => n ?? '—' },
          { title: t('registry.places'), dataIndex: 'places', align: 'right' },
          {
            title: t('registry.designations'),
            dataIndex: 'designations',
            render: (designations: RegistryItem['designations']) =>
              designations.length === 0 ? (
                '—'
              ) : (
                <Flex wrap gap={4} style={{ maxWidth: 240 }}>
                  {/* The server lists each kind and level once. */}
                  {designations.map((d) => (
                    <Tag key={`${d.kind}-${d.level}`} color={d.kind === 'inclusive' ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
                      {designationLabel(t, d)}
                    </Tag>
                  ))}
                </Flex>
              ),
          },
          {
            title: t('registry.problems'),
            dataIndex: 'complianceProblems',
            align: 'right',
            render: (n: number) => (n > 0 ? <Tag color="red">{n}</Tag> : <Typography.Text type="secondary">0</Typography.Text>),
          },
        ]}
      />
    </Space>
  );
}
