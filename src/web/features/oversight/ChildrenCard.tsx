import { Card, Table, type TableColumnsType, Tag } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { townshipsToCover } from '../../../domain/oversight/indicators.ts';
import type { DivisionIndicators, Indicators } from './api';
import { formatCount, formatPer1000, formatPercent, meets } from './format';

const numberCell = { align: 'right' as const, className: 'tabular' };

/** Child divisions, the furthest from the places target first; each opens its own dashboard. */
export function ChildrenCard({ data, hrefOf }: { data: Indicators; hrefOf: (code: string) => string }) {
  const { t } = useTranslation();
  const perTarget = data.targets.placesPer1000 ?? 4.5;
  const coverageTarget = data.targets.townshipCoverage ?? 1;
  const rows = useMemo(
    () =>
      [...data.children].sort(
        (a, b) =>
          b.placesNeeded - a.placesNeeded ||
          townshipsToCover(coverageTarget, b.townships, b.townshipsWithInclusive) -
            townshipsToCover(coverageTarget, a.townships, a.townshipsWithInclusive) ||
          a.divisionCode.localeCompare(b.divisionCode),
      ),
    [data.children, coverageTarget],
  );
  const columns: TableColumnsType<DivisionIndicators> = [
    {
      title: t('oversight.division'),
      dataIndex: 'name',
      fixed: 'left',
      render: (name: string, row) => (
        <Link to={hrefOf(row.divisionCode)} data-testid={`drill-${row.divisionCode}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('oversight.placesPer1000'),
      dataIndex: 'placesPer1000',
      ...numberCell,
      render: (v: number | null) => <Tag color={meets(v, perTarget) ? 'green' : 'orange'}>{formatPer1000(v)}</Tag>,
    },
    { title: t('oversight.placesNeeded'), dataIndex: 'placesNeeded', ...numberCell, render: formatCount },
    { title: t('oversight.places'), dataIndex: 'places', ...numberCell, render: formatCount },
    {
      title: t('oversight.townshipCoverage'),
      dataIndex: 'townshipCoverage',
      ...numberCell,
      render: (v: number | null, row) => (
        <Tag color={meets(v, coverageTarget) ? 'green' : 'orange'}>
          {row.level === 'township'
            ? row.townshipsWithInclusive > 0
              ? t('oversight.covered')
              : t('oversight.uncovered')
            : formatPercent(v)}
        </Tag>
      ),
    },
    { title: t('oversight.inclusiveShare'), dataIndex: 'inclusiveShare', ...numberCell, render: formatPercent },
  ];
  return (
    <Card title={t('oversight.childrenTitle')} data-testid="children-ranking">
      <Table size="small" rowKey="divisionCode" columns={columns} dataSource={rows} pagination={false} scroll={{ x: 'max-content' }} />
    </Card>
  );
}
