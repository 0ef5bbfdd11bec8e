import { Alert, Button, Descriptions, Table, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '../../components/PageStatus';
import type { Population } from './api';
import { formatCount } from './format';
import { useDivision, useDivisionTree } from './queries';
import { ReferencePointForm } from './ReferencePointForm';
import { findDivision } from './search';

const numberCell = { fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' } as const;

/** One division: validity, population by year and the divisions within it (each one clickable). */
export function DivisionDetail({ code, onOpen, editable = false }: { code: string; onOpen: (code: string) => void; editable?: boolean }) {
  const { t } = useTranslation();
  const division = useDivision(code);
  // The detail names its parent by code only; the tree is already cached for the page.
  const tree = useDivisionTree().data?.tree ?? [];
  const top = useRef<HTMLHeadingElement>(null);
  const shown = useRef(code);
  // Opening a parent or child from inside the drawer replaces its content; start at the top.
  useEffect(() => {
    if (shown.current === code) return;
    shown.current = code;
    top.current?.scrollIntoView({ block: 'start' });
  }, [code]);

  if (division.isPending) return <PageLoading />;
  if (division.isError) return <Alert type="error" showIcon title={division.error.message} />;
  const d = division.data;
  const count = (n: number) => <span style={numberCell}>{formatCount(n)}</span>;

  return (
    <>
      <Typography.Title ref={top} level={3} style={{ marginTop: 0 }} data-testid="division-detail-name">
        {d.name}
      </Typography.Title>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'code', label: t('divisions.colCode'), children: d.code },
          { key: 'level', label: t('divisions.colLevel'), children: t(`divisions.level.${d.level}`) },
          ...(d.parentCode
            ? [
                {
                  key: 'parent',
                  label: t('divisions.parent'),
                  children: (
                    <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onOpen(d.parentCode as string)}>
                      {findDivision(tree, d.parentCode)?.name ?? d.parentCode}
                    </Button>
                  ),
                },
              ]
            : []),
          { key: 'validFrom', label: t('divisions.validFrom'), children: d.validFrom },
          { key: 'validTo', label: t('divisions.validTo'), children: d.validTo ?? t('divisions.stillValid') },
          {
            key: 'point',
            label: t('divisions.referencePoint'),
            children: d.referencePoint ? (
              <span data-testid="reference-point">
                {d.referencePoint.lat.toFixed(4)}, {d.referencePoint.lng.toFixed(4)}
                <Typography.Text type="secondary">（{d.referencePoint.source}）</Typography.Text>
              </span>
            ) : (
              t('divisions.noPoint')
            ),
          },
        ]}
      />
      {editable && <ReferencePointForm key={d.code} division={d} />}

      <Typography.Title level={4}>{t('divisions.history')}</Typography.Title>
      <Table<Population>
        size="small"
        pagination={false}
        rowKey="year"
        dataSource={[...d.population].sort((a, b) => b.year - a.year)}
        columns={[
          {
            title: t('divisions.colYear'),
            dataIndex: 'year',
            render: (year: number, p) => (
              <>
                {year} {p.isDemo && <Tag color="orange">{t('divisions.demoTag')}</Tag>}
              </>
            ),
          },
          { title: t('divisions.colTotal'), dataIndex: 'total', align: 'right', render: count },
          { title: t('divisions.colUnder3'), dataIndex: 'under3', align: 'right', render: count },
        ]}
      />

      {d.children.length > 0 && <Typography.Title level={4}>{t('divisions.children', { count: d.children.length })}</Typography.Title>}
      {d.children.length > 0 && (
        <Table
          size="small"
          pagination={false}
          rowKey="code"
          dataSource={d.children}
          columns={[
            {
              title: t('divisions.colName'),
              dataIndex: 'name',
              render: (name: string, child) => (
                <Button
                  type="link"
                  size="small"
                  style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
                  onClick={() => onOpen(child.code)}
                >
                  {name}
                </Button>
              ),
            },
            {
              title: t('divisions.colTotal'),
              key: 'total',
              align: 'right',
              render: (_, child) => (child.population ? count(child.population.total) : t('divisions.noFigure')),
            },
            {
              title: t('divisions.colUnder3'),
              key: 'under3',
              align: 'right',
              render: (_, child) => (child.population ? count(child.population.under3) : t('divisions.noFigure')),
            },
          ]}
        />
      )}
    </>
  );
}
