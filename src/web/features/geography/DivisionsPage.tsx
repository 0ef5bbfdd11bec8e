import { Alert, Button, Drawer, Grid, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Fragment, type Key, lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoading } from '../../components/PageStatus';
import type { RolePageProps } from '../../components/RoleShell';
import type { DivisionLevel, DivisionNode, Population } from './api';
import { DivisionDetail } from './DivisionDetail';
import { formatCount } from './format';
import { ImportCard } from './ImportCard';
import { useDivisionTree } from './queries';
import { allCodes, demoFigures, filterDivisions } from './search';

// Only the admin and city officials see the grid: the public and families do not load it.
const GridCard = lazy(() => import('./GridCard').then((m) => ({ default: m.GridCard })));
const OutlinesCard = lazy(() => import('./OutlinesCard').then((m) => ({ default: m.OutlinesCard })));

type Row = { key: string; code: string; name: string; level: DivisionLevel; population: Population | null; children?: Row[] };

function toRows(nodes: DivisionNode[]): Row[] {
  return nodes.map((node) => ({
    key: node.code,
    code: node.code,
    name: node.name,
    level: node.level,
    population: node.population,
    // An empty array would still draw an expand arrow on every township.
    children: node.children.length > 0 ? toRows(node.children) : undefined,
  }));
}

const numberCell = { textAlign: 'right', fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** City → district → township with population and under-3 population; search by name or pinyin. */
export default function DivisionsPage({ grant }: Partial<RolePageProps>) {
  const admin = grant?.role === 'admin';
  // The population grid is the city's: the admin manages every city's, a city official reads their own.
  const gridReader = admin || grant?.role === 'city_official';
  const { t } = useTranslation();
  const wide = Grid.useBreakpoint().md === true;
  const divisions = useDivisionTree();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState<readonly Key[] | null>(null);
  const [selected, setSelected] = useState<string | undefined>();

  const tree = divisions.data?.tree;
  const filtered = useMemo(() => (tree ? filterDivisions(tree, query) : []), [tree, query]);
  const rows = useMemo(() => toRows(filtered), [filtered]);

  if (divisions.isPending) return <PageLoading />;
  if (divisions.isError) return <LoadError error={divisions.error} onRetry={() => void divisions.refetch()} />;
  const { asOf, populationYear, tree: fullTree } = divisions.data;

  // Until the user opens or closes rows: the city and its districts are shown.
  const expandedKeys = expanded ?? fullTree.map((node) => node.code);
  const onSearch = (value: string) => {
    setQuery(value);
    setExpanded(value.trim() ? allCodes(filterDivisions(fullTree, value)) : null);
  };

  const demo = demoFigures(fullTree);
  const figure = (pick: (p: Population) => number) => (population: Population | null) =>
    population ? formatCount(pick(population)) : t('divisions.noFigure');

  const columns: TableColumnsType<Row> = [
    {
      title: t('divisions.colName'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <Button
          type="link"
          size="small"
          style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
          onClick={() => setSelected(row.code)}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('divisions.colLevel'),
      dataIndex: 'level',
      responsive: ['md'],
      render: (level: DivisionLevel) => t(`divisions.level.${level}`),
    },
    { title: t('divisions.colCode'), dataIndex: 'code', responsive: ['lg'] },
    {
      title: t('divisions.colTotal'),
      dataIndex: 'population',
      align: 'right',
      onCell: () => ({ style: numberCell }),
      render: figure((p) => p.total),
    },
    {
      title: t('divisions.colUnder3'),
      key: 'under3',
      dataIndex: 'population',
      align: 'right',
      onCell: () => ({ style: numberCell }),
      render: figure((p) => p.under3),
    },
  ];
  // When only some figures are demo figures, the rows say which; when all are, the note does.
  if (demo === 'some') {
    columns.push({
      key: 'demo',
      width: 64,
      render: (_, row) => (row.population?.isDemo ? <Tag color="orange">{t('divisions.demoTag')}</Tag> : null),
    });
  }

  return (
    <>
      <Typography.Title level={2} style={{ marginTop: 0 }}>
        {t('divisions.title')}
      </Typography.Title>
      <Typography.Paragraph>{t('divisions.lead')}</Typography.Paragraph>
      <Space wrap size={[16, 4]} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('divisions.asOf', { date: asOf })}</Typography.Text>
        {populationYear !== null && (
          <Typography.Text type="secondary">{t('divisions.populationYear', { year: populationYear })}</Typography.Text>
        )}
      </Space>
      {demo !== 'none' && (
        <Alert
          type="info"
          showIcon
          title={demo === 'all' ? t('divisions.demoNoteAll') : t('divisions.demoNote')}
          style={{ marginBottom: 12 }}
          data-testid="demo-figures-note"
        />
      )}
      {admin && <ImportCard />}
      {gridReader && (
        <Suspense fallback={null}>
          {fullTree
            .filter((node) => node.level === 'city' && (admin || node.code === grant?.divisionCode))
            .map((node) => (
              <Fragment key={node.code}>
                <GridCard city={node.code} name={node.name} editable={admin} />
                {admin && <OutlinesCard city={node.code} name={node.name} />}
              </Fragment>
            ))}
        </Suspense>
      )}
      <Input.Search
        allowClear
        aria-label={t('divisions.search')}
        placeholder={t('divisions.searchPlaceholder')}
        value={query}
        onChange={(event) => onSearch(event.target.value)}
        onSearch={onSearch}
        style={{ marginBottom: 12, maxWidth: 480 }}
      />
      <Table<Row>
        size={wide ? 'middle' : 'small'}
        columns={columns}
        dataSource={rows}
        pagination={false}
        expandable={{ expandedRowKeys: expandedKeys, onExpandedRowsChange: (keys) => setExpanded(keys), indentSize: wide ? 20 : 12 }}
        onRow={(row) => ({ onClick: () => setSelected(row.code), style: { cursor: 'pointer' } })}
        locale={{ emptyText: t('divisions.noMatch') }}
      />
      <Drawer
        open={selected !== undefined}
        onClose={() => setSelected(undefined)}
        size={wide ? 560 : '100%'}
        title={t('divisions.detailTitle')}
        destroyOnHidden
      >
        {selected && <DivisionDetail code={selected} onOpen={setSelected} editable={admin} />}
      </Drawer>
    </>
  );
}
