import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RegistryItem } from '../institutions/api';
import { formatCount } from './format';
import { useTownshipInstitutions } from './queries';

/** A township's institutions from the registry, each opening its record there. */
export function InstitutionsCard({ code, registryHref }: { code: string; registryHref: string }) {
  const { t } = useTranslation();
  const list = useTownshipInstitutions(code);
  const columns: TableColumnsType<RegistryItem> = [
    {
      title: t('oversight.institution'),
      dataIndex: 'name',
      render: (name: string, row) => <Link to={`${registryHref}/${row.id}`}>{name}</Link>,
    },
    { title: t('oversight.places'), dataIndex: 'places', align: 'right', render: formatCount },
    { title: t('oversight.status'), dataIndex: 'status', render: (s: RegistryItem['status']) => t(`institutions.status.${s}`) },
    {
      title: t('oversight.inclusive'),
      dataIndex: 'designations',
      render: (d: RegistryItem['designations']) =>
        d.some((x) => x.kind === 'inclusive') ? <Tag color="green">{t('oversight.inclusive')}</Tag> : null,
    },
  ];
  return (
    <Card title={t('oversight.institutionsTitle')} data-testid="township-institutions">
      <Table
        size="small"
        rowKey="id"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Card>
  );
}
